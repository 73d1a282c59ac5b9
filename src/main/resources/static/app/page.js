// The page's own text (the shell in index.html) in the reader's language, and the language switch.

import { LANGUAGES, chooseLanguage, language, localize, translator } from './i18n.js';

export const t = translator({
  en: {
    loading: 'Loading…',
    skip: 'Skip to the conversation',
    signIn: 'Sign in',
    username: 'Username',
    password: 'Password',
    passwordHint: '10 to 72 characters.',
    newHere: 'New here?',
    createAccount: 'Create an account',
    language: 'Language',
    showChats: 'Show chats',
    mainNav: 'Main',
    chats: 'Chats',
    documents: 'Documents',
    insights: 'Insights',
    signOut: 'Sign out',
    yourChats: 'Your chats',
    newChatButton: '+ New chat',
    searchChats: 'Search chats',
    newChat: 'New chat',
    conversation: 'Conversation',
    continueAll: 'Continue over all document sets',
    answerFrom: 'What should Docent answer from?',
    answerFromLegend: 'Answer from',
    general: 'General knowledge',
    generalHint: 'The model answers on its own.',
    official: 'Official documentation',
    officialHint: 'Answers cite a document set.',
    documentSet: 'Document set',
    starters: 'Try asking',
    yourMessage: 'Your message',
    askAQuestion: 'Ask a question',
    send: 'Send',
    stop: 'Stop',
    composerHint: 'Enter sends, Shift+Enter adds a line.',
    documentsIntro: 'The document sets that Official documentation chats answer from.',
    addDocumentSet: 'Add a document set',
    title: 'Title',
    slug: 'Slug',
    slugHint: 'Lower-case letters, digits, dots and hyphens.',
    baseUrl: 'Base URL of the published pages (optional)',
    baseUrlHint: "Citations link there; without it they show the page's path.",
    files: 'Files (HTML, Markdown, text, PDF, or a .zip of them)',
    upload: 'Upload and ingest',
    documentSets: 'Document sets',
    pages: 'Pages',
    passages: 'Passages',
    ingested: 'Ingested',
    actions: 'Actions',
    renameChat: 'Rename chat',
    rename: 'Rename',
    cancel: 'Cancel',
    deleteQuestion: 'Delete?',
    delete: 'Delete',
  },
  ko: {
    loading: '불러오는 중…',
    skip: '대화로 건너뛰기',
    signIn: '로그인',
    username: '사용자 이름',
    password: '비밀번호',
    passwordHint: '10~72자.',
    newHere: '처음이신가요?',
    createAccount: '계정 만들기',
    language: '언어',
    showChats: '채팅 목록 보기',
    mainNav: '주 메뉴',
    chats: '채팅',
    documents: '문서',
    insights: '인사이트',
    signOut: '로그아웃',
    yourChats: '내 채팅',
    newChatButton: '+ 새 채팅',
    searchChats: '채팅 검색',
    newChat: '새 채팅',
    conversation: '대화',
    continueAll: '모든 문서 세트로 계속하기',
    answerFrom: 'Docent가 무엇을 바탕으로 답할까요?',
    answerFromLegend: '답변 근거',
    general: '일반 지식',
    generalHint: '모델이 스스로 답합니다.',
    official: '공식 문서',
    officialHint: '답변이 문서 세트를 인용합니다.',
    documentSet: '문서 세트',
    starters: '이렇게 물어보세요',
    yourMessage: '메시지',
    askAQuestion: '질문을 입력하세요',
    send: '보내기',
    stop: '중지',
    composerHint: 'Enter로 보내고, Shift+Enter로 줄을 바꿉니다.',
    documentsIntro: '공식 문서 채팅이 답변의 근거로 삼는 문서 세트입니다.',
    addDocumentSet: '문서 세트 추가',
    title: '제목',
    slug: '슬러그',
    slugHint: '영문 소문자, 숫자, 점, 하이픈.',
    baseUrl: '게시된 페이지의 기본 URL (선택)',
    baseUrlHint: '인용이 그곳으로 연결됩니다. 없으면 페이지 경로를 보여 줍니다.',
    files: '파일 (HTML, Markdown, 텍스트, PDF 또는 이들의 .zip)',
    upload: '업로드하고 수집하기',
    documentSets: '문서 세트',
    pages: '페이지',
    passages: '단락',
    ingested: '수집 시각',
    actions: '작업',
    renameChat: '채팅 이름 바꾸기',
    rename: '이름 바꾸기',
    cancel: '취소',
    deleteQuestion: '삭제할까요?',
    delete: '삭제',
  },
});

/** The page in the reader's language, its lang attribute too, with a working language switch. */
export function localizePage() {
  document.documentElement.lang = language();
  localize(document, t);
  for (const select of document.querySelectorAll('select[data-language]')) {
    select.replaceChildren(...Object.entries(LANGUAGES).map(([code, name]) => {
      const option = document.createElement('option');
      option.value = code;
      option.lang = code;
      option.textContent = name;
      return option;
    }));
    select.value = language();
    select.addEventListener('change', () => {
      chooseLanguage(select.value);
      location.reload();
    });
  }
}

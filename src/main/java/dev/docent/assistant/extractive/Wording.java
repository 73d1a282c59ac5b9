package dev.docent.assistant.extractive;

import dev.docent.shared.text.Terms;

/**
 * The answerer's own sentences in the question's language: Korean for a question written
 * mostly in Hangul, English otherwise. Only the wording lives here; when to say what is
 * the answerer's.
 */
enum Wording {

    ENGLISH {
        @Override
        String nothingFound() {
            return """
                    I could not find anything about this in the documentation. Try rephrasing the question, for \
                    instance with the name of the function, module or setting you are asking about.""";
        }

        @Override
        String notCovered() {
            return """
                    The documentation does not seem to cover this question: none of the passages I found says \
                    anything about it. Try rephrasing it, for instance with the name of the function, module or \
                    setting you are asking about.""";
        }

        @Override
        String askInEnglish() {
            return " The documentation is in English, so asking in English may help too.";
        }

        @Override
        String matchedWords(String words) {
            return "The documentation is in English, and I could match only some words of your question"
                    + (words.isEmpty() ? "" : " (" + words + ")") + " with it. These passages have them:";
        }

        @Override
        String closest(String where, String quote) {
            return """
                    I could not match the words of your question with the documentation, which is in English, so \
                    I cannot tell whether it answers you. The closest passage I found is from *%s*:

                    > %s

                    Asking again in English, or with the names of the functions or modules involved, may find a \
                    better match.""".formatted(where, quote);
        }

        @Override
        String from(String where, int n) {
            return "From *" + where + "* [" + n + "]:";
        }

        @Override
        String relatedPages() {
            return "These pages are the closest I found; they may help:";
        }
    },

    KOREAN {
        @Override
        String nothingFound() {
            return """
                    문서에서 이에 관한 내용을 찾지 못했습니다. 궁금한 함수, 모듈이나 설정의 이름을 넣는 식으로 \
                    질문을 바꿔 다시 물어보세요.""";
        }

        @Override
        String notCovered() {
            return """
                    문서에서 이 질문을 다루지 않는 것 같습니다. 찾은 구절 가운데 이에 대해 말하는 것이 없습니다. \
                    궁금한 함수, 모듈이나 설정의 이름을 넣는 식으로 질문을 바꿔 다시 물어보세요.""";
        }

        @Override
        String askInEnglish() {
            return " 문서가 영어로 쓰여 있으니 영어로 물어보는 것도 도움이 될 수 있습니다.";
        }

        @Override
        String matchedWords(String words) {
            return "문서가 영어로 쓰여 있어 질문의 일부 단어만" + (words.isEmpty() ? "" : "(" + words + ")")
                    + " 문서와 맞춰 볼 수 있었습니다. 다음 구절에 그 단어들이 있습니다:";
        }

        @Override
        String closest(String where, String quote) {
            return """
                    질문의 단어를 영어로 쓰인 문서와 맞춰 보지 못해, 문서가 이 질문에 답하는지 알 수 없습니다. \
                    가장 가까운 구절은 *%s*에 있습니다:

                    > %s

                    영어로, 또는 관련된 함수나 모듈의 이름을 넣어 다시 물어보면 더 잘 맞는 구절을 찾을 수 \
                    있습니다.""".formatted(where, quote);
        }

        @Override
        String from(String where, int n) {
            return "*" + where + "*에서 [" + n + "]:";
        }

        @Override
        String relatedPages() {
            return "가장 가까운 페이지는 다음과 같습니다. 도움이 될 수 있습니다:";
        }
    };

    /**
     * Korean when at least a third of the question's letters are Hangul, so that the
     * names of functions in a Korean question ({@code lambda}, {@code str.strip}) do not
     * make it English.
     */
    static Wording of(String question) {
        long letters = question.codePoints().filter(Character::isLetter).count();
        long hangul = question.codePoints()
            .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)
            .count();
        return hangul > 0 && hangul * 3 >= letters ? KOREAN : ENGLISH;
    }

    /** Nothing was retrieved. */
    abstract String nothingFound();

    /** Passages were retrieved, but none answers. */
    abstract String notCovered();

    /**
     * Appended to a "not covered" answer to a question that is not in English, as the
     * documentation is.
     */
    abstract String askInEnglish();

    /**
     * Introduces quotes matched on only some words of a non-English question.
     * @param words those words, comma-separated, or empty
     */
    abstract String matchedWords(String words);

    /** Offers the closest passage, unverified. */
    abstract String closest(String where, String quote);

    /** Introduces a code example quoted from a passage. */
    abstract String from(String where, int n);

    /** Heads the links to the pages nearest to a question the documents do not answer. */
    abstract String relatedPages();

    /**
     * A "not covered" sentence, with {@link #askInEnglish} when the question is not
     * likely English.
     */
    String withAskInEnglish(String sentence, String question) {
        return Terms.isLikelyEnglish(question) ? sentence : sentence + askInEnglish();
    }

}

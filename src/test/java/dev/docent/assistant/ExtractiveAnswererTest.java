package dev.docent.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.assistant.extractive.ExtractiveAnswerer;
import dev.docent.assistant.extractive.ExtractiveAnswerer.Answer;
import dev.docent.assistant.extractive.ExtractiveAnswerer.Coverage;
import dev.docent.assistant.prompt.Citations;
import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieved;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    private static final UUID PYTHON = UUID.randomUUID();

    private static final String NAMEDTUPLE = """
            Named tuples assign meaning to each position in a tuple and allow for more readable, self-documenting \
            code. They can be used wherever regular tuples are used, and they add the ability to access fields by \
            name instead of position index.

            collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)

            Returns a new tuple subclass named typename. The new subclass is used to create tuple-like objects \
            that have fields accessible by attribute lookup as well as being indexable and iterable.

            defaults can be None or an iterable of default values. Since fields with a default value must come \
            after any fields without a default, the defaults are applied to the rightmost parameters. For \
            example, if the fieldnames are ['x', 'y', 'z'] and the defaults are (1, 2), then x will be a \
            required argument, y will default to 1, and z will default to 2.

            >>> Account = namedtuple('Account', ['type', 'balance'], defaults=[0])
            >>> Account._field_defaults
            {'balance': 0}
            >>> Account('premium')
            Account(type='premium', balance=0)""";

    private static final String DICTIONARIES = """
            It is best to think of a dictionary as a set of key: value pairs, with the requirement that the keys \
            are unique (within one dictionary). A pair of braces creates an empty dictionary: {}.

            The main operations on a dictionary are storing a value with some key and extracting the value given \
            the key. If you store using a key that is already in use, the old value associated with that key is \
            forgotten. To check whether a single key is in the dictionary, use the in keyword.

            Here is a small example using a dictionary:

            >>> tel = {'jack': 4098, 'sape': 4139}
            >>> tel['guido'] = 4127
            >>> 'guido' in tel
            True
            >>> 'jack' not in tel
            False""";

    private static final String STRIP = """
            str.strip([chars])

            Return a copy of the string with the leading and trailing characters removed. The chars argument is a \
            string specifying the set of characters to be removed. If omitted or None, the chars argument defaults \
            to removing whitespace. The chars argument is not a prefix or suffix; rather, all combinations of its \
            values are stripped:

            >>> '   spacious   '.strip()
            'spacious'
            >>> 'www.example.com'.strip('cmowz.')
            'example'""";

    private static final String CACHE = """
            @functools.cache(user_function)

            Simple lightweight unbounded function cache. Sometimes called "memoize". Returns the same as \
            lru_cache(maxsize=None), creating a thin wrapper around a dictionary lookup for the function \
            arguments. Because it never needs to evict old values, this is smaller and faster than lru_cache() \
            with a size limit.""";

    private static final String LRU_CACHE = """
            @functools.lru_cache(maxsize=128, typed=False)

            Decorator to wrap a function with a memoizing callable that saves up to the maxsize most recent calls. \
            It can save time when an expensive or I/O bound function is periodically called with the same \
            arguments. The cache keeps references to the arguments and return values until they age out of the \
            cache or until the cache is cleared.""";

    private static final String NUMBERS = """
            Division (/) always returns a float. To do floor division and get an integer result you can use the \
            // operator; to calculate the remainder you can use %. With Python, it is possible to use the ** \
            operator to calculate powers [1]:

            >>> 5 ** 2  # 5 squared
            25
            >>> 2 ** 7  # 2 to the power of 7
            128""";

    @Test
    void theBestSentencesAreQuotedCitedAndShownWithTheirExample() {
        Answer answer = ExtractiveAnswerer.answer("How do I give the fields of a named tuple default values?",
                List.of(passage("collections", NAMEDTUPLE, 9.1), passage("dict", DICTIONARIES, 6.2),
                        passage("strip", STRIP, 5.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.ANSWERED);
        assertThat(answer.cited()).containsExactly(1);
        assertThat(answer.text()).contains("the defaults are applied to the rightmost parameters")
            .contains("```python\n>>> Account = namedtuple('Account', ['type', 'balance'], defaults=[0])")
            .doesNotContain("tel", "spacious");
        assertCitationsMatch(answer, 3);
    }

    @Test
    void theAnswerToADictionaryQuestionQuotesTheRuleAndTheSession() {
        Answer answer = ExtractiveAnswerer.answer("How can I check whether a key is in a dictionary?",
                List.of(passage("dict", DICTIONARIES, 8.0), passage("collections", NAMEDTUPLE, 4.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.ANSWERED);
        assertThat(answer.text()).contains("To check whether a single key is in the dictionary, use the in keyword.")
            .contains(">>> 'guido' in tel\nTrue");
        assertCitationsMatch(answer, 2);
    }

    @Test
    void sentencesFromSeveralPassagesAreGroupedByPassageInRankOrder() {
        Answer answer = ExtractiveAnswerer.answer(
                "What is an unbounded function cache, and which decorator saves the maxsize most recent calls?",
                List.of(passage("lru_cache", "functools", LRU_CACHE, 7.0), passage("cache", "functools", CACHE, 6.9),
                        passage("strip", STRIP, 1.0)));

        assertThat(answer.cited()).containsExactly(1, 2);
        String text = answer.text();
        assertThat(text.indexOf("[1]")).isLessThan(text.indexOf("[2]"));
        assertThat(text)
            .contains("saves up to the maxsize most recent calls", "Simple lightweight unbounded function cache")
            .doesNotContain("[3]");
        assertCitationsMatch(answer, 3);
    }

    @Test
    void sentencesKeepTheirOrderWithinAPassage() {
        Answer answer = ExtractiveAnswerer.answer("Which key is forgotten when I store a value in a dictionary?",
                List.of(passage("dict", DICTIONARIES, 5.0)));

        String text = answer.text();
        assertThat(answer.coverage()).isEqualTo(Coverage.ANSWERED);
        assertThat(text).contains("the old value associated with that key is forgotten");
        for (String earlier : List.of("It is best to think", "The main operations", "If you store using")) {
            for (String later : List.of("The main operations", "If you store using", "To check whether")) {
                if (text.contains(earlier) && text.contains(later) && !earlier.equals(later)
                        && DICTIONARIES.indexOf(earlier) < DICTIONARIES.indexOf(later)) {
                    assertThat(text.indexOf(earlier)).isLessThan(text.indexOf(later));
                }
            }
        }
    }

    @Test
    void theDocumentationsOwnFootnoteMarksAreDroppedSoCitationsStayOurs() {
        Answer answer = ExtractiveAnswerer.answer("How do I calculate powers with the ** operator?",
                List.of(passage("strip", STRIP, 3.0), passage("numbers", NUMBERS, 2.9)));

        assertThat(answer.cited()).containsExactly(2);
        assertThat(answer.text()).contains("operator to calculate powers [1]:\n\n```python\n>>> 5 ** 2")
            .doesNotContain("powers [1]:\n\n[1]", "[2]");
    }

    @Test
    void aFollowUpIsJudgedMostlyOnItsOwnWords() {
        Answer answer = ExtractiveAnswerer.answer("Can they have default values?",
                "Can they have default values? named tuple fields",
                List.of(passage("dict", DICTIONARIES, 5.0), passage("collections", NAMEDTUPLE, 4.8)));

        assertThat(answer.cited()).containsExactly(2);
        assertThat(answer.text()).contains("the defaults are applied to the rightmost parameters [1]");
    }

    @Test
    void textRepeatedByOverlappingPassagesIsQuotedOnce() {
        String overlap = DICTIONARIES.substring(DICTIONARIES.indexOf("The main operations"));
        Answer answer = ExtractiveAnswerer.answer("How do I check whether a dictionary has a key?",
                List.of(passage("dict", DICTIONARIES, 5.0), passage("dict-2", overlap, 4.9)));

        String sentence = "To check whether a single key is in the dictionary, use the in keyword";
        assertThat(answer.text().indexOf(sentence)).isNotNegative().isEqualTo(answer.text().lastIndexOf(sentence));
    }

    @Test
    void aLeadInToCodeThatIsNotShownEndsAsASentence() {
        String longListing = ">>> import this\n" + "The Zen of Python\n".repeat(20);
        String text = "You can read the Zen of Python from the interpreter like this:\n\n" + longListing;

        Answer answer = ExtractiveAnswerer.answer("How do I read the Zen of Python in the interpreter?",
                List.of(passage("zen", text, 2.0)));

        assertThat(answer.text()).isEqualTo("You can read the Zen of Python from the interpreter like this [1].");
    }

    @Test
    void aShortLeadInIsNotQuotedWithoutItsExample() {
        String text = "Examples of working with datetime objects:\n\n" + ">>> datetime.now()\n".repeat(20) + "\n"
                + "A datetime object is a single object containing all the information from a date object and a "
                + "time object.";

        Answer answer = ExtractiveAnswerer.answer("What is a datetime object?",
                List.of(passage("datetime", text, 2.0)));

        assertThat(answer.text()).isEqualTo("A datetime object is a single object containing all the information "
                + "from a date object and a time object [1].");
    }

    @Test
    void whenNoSentenceSharesTheQuestionsWordsItSaysTheDocumentsDoNotCoverIt() {
        Answer answer = ExtractiveAnswerer.answer("How do I bake sourdough bread?",
                List.of(passage("dict", DICTIONARIES, 3.0), passage("strip", STRIP, 2.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.NOT_COVERED);
        assertThat(answer.cited()).isEmpty();
        assertThat(answer.text()).startsWith(ExtractiveAnswerer.NOT_COVERED);
    }

    @Test
    void oneSharedWordIsNotEnoughForALongerQuestion() {
        Answer answer = ExtractiveAnswerer.answer("Which key ingredients make a moist chocolate cake?",
                List.of(passage("dict", DICTIONARIES, 3.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.NOT_COVERED);
        assertThat(answer.cited()).isEmpty();
    }

    @Test
    void withoutPassagesItSaysNothingWasFound() {
        assertThat(ExtractiveAnswerer.answer("What is a metaclass?", List.of()))
            .isEqualTo(new Answer(ExtractiveAnswerer.NOTHING_FOUND, List.of(), Coverage.NOT_COVERED));
    }

    @Test
    void exampleNumbersInTheQuestionDoNotSinkIt() {
        List<Passage> passages = List.of(passage("strip", STRIP, 3.0), passage("dict", DICTIONARIES, 1.0));

        Answer withNumbers = ExtractiveAnswerer.answer(
                "How do I remove the leading and trailing spaces of a date like '  2024-03-05 14:30:59  '?", passages);
        Answer without = ExtractiveAnswerer.answer("How do I remove the leading and trailing spaces of a date?",
                passages);

        assertThat(withNumbers.coverage()).isEqualTo(Coverage.ANSWERED);
        assertThat(withNumbers.cited()).containsExactly(1);
        assertThat(withNumbers.text()).isEqualTo(without.text());
    }

    @Test
    void aNonEnglishQuestionSharingNoWordsGetsTheClosestPassageOnlyWhenItStandsOut() {
        String question = "딕셔너리에 키가 있는지 어떻게 확인해요?";

        Answer standsOut = ExtractiveAnswerer.answer(question, List.of(passage("dict", DICTIONARIES, 12.0),
                passage("strip", STRIP, 3.0), passage("collections", NAMEDTUPLE, 3.5)));
        Answer flat = ExtractiveAnswerer.answer(question, List.of(passage("dict", DICTIONARIES, 0.0331),
                passage("strip", STRIP, 0.0328), passage("collections", NAMEDTUPLE, 0.0325)));

        assertThat(standsOut.coverage()).isEqualTo(Coverage.CLOSEST);
        assertThat(standsOut.cited()).containsExactly(1);
        assertThat(standsOut.text())
            .contains("알 수 없습니다", "*dict (Python 3.11)*",
                    "> It is best to think of a dictionary as a set of key: value pairs")
            .contains("[1]");
        assertThat(flat.coverage()).isEqualTo(Coverage.NOT_COVERED);
        assertThat(flat.cited()).isEmpty();
        assertThat(flat.text()).startsWith("문서에서 이 질문을 다루지 않는 것 같습니다.").contains("영어로 물어보는 것도").contains("가장 가까운 페이지는");
    }

    @Test
    void theClosestOfferIsTheBestPagesSentenceNearestTheQuestionWithTheSignatureItDocuments() {
        String question = "문자열 앞뒤의 공백을 없애는 방법이 있나요?";
        Passage isprintable = passage("String Methods", "stdtypes", """
                Return True if all characters in the string are printable or the string is empty, False \
                otherwise. Nonprintable characters are those characters defined in the Unicode character \
                database as "Other" or "Separator", excepting the ASCII space (0x20) which is considered \
                printable.""", 12.0);
        Passage strip = passage("str.strip", "stdtypes", STRIP, 2.0);
        Retrieved retrieved = new Retrieved(question, List.of(question, "string strip whitespace remove"),
                List.of(isprintable, passage("dict", DICTIONARIES, 3.0)), List.of(strip));
        List<String> comparedAs = new java.util.ArrayList<>();
        PageChoice.Similarity model = (asked, sentences) -> {
            comparedAs.add(asked);
            return sentences.stream()
                .mapToDouble(sentence -> sentence.contains("removing whitespace") ? 0.7 : 0.3)
                .toArray();
        };

        Answer answer = ExtractiveAnswerer.answer(question, retrieved, model);

        assertThat(answer.coverage()).isEqualTo(Coverage.CLOSEST);
        assertThat(answer.text()).contains("*str.strip (Python 3.11)*")
            .contains("> `str.strip([chars])` Return a copy of the string with the leading and trailing characters "
                    + "removed. The chars argument is a string specifying the set of characters to be removed. If "
                    + "omitted or None, the chars argument defaults to removing whitespace.")
            .contains("values are stripped [1]:\n>\n> ```python\n> >>> '   spacious   '.strip()\n> 'spacious'")
            .doesNotContain("printable");
        assertThat(answer.cited()).as("the strip passage, second in reading order").containsExactly(2);
        assertThat(comparedAs).containsOnly("string strip whitespace remove");
    }

    @Test
    void aQuestionNoSentenceComesNearIsNotCoveredRatherThanOfferedAnUnrelatedPassage() {
        String question = "김치찌개를 맛있게 끓이는 방법은?";
        Retrieved retrieved = new Retrieved(question, List.of(question),
                List.of(passage("dict", DICTIONARIES, 12.0), passage("strip", STRIP, 3.0)));

        Answer far = ExtractiveAnswerer.answer(question, retrieved,
                (asked, sentences) -> sentences.stream().mapToDouble(sentence -> 0.23).toArray());
        Answer near = ExtractiveAnswerer.answer(question, retrieved,
                (asked, sentences) -> sentences.stream().mapToDouble(sentence -> 0.6).toArray());

        assertThat(far.coverage()).isEqualTo(Coverage.NOT_COVERED);
        assertThat(far.cited()).isEmpty();
        assertThat(far.text()).startsWith("문서에서 이 질문을 다루지 않는 것 같습니다.").doesNotContain("dictionary", "가장 가까운 페이지는");
        assertThat(near.coverage()).isEqualTo(Coverage.CLOSEST);
    }

    @Test
    void aTableOfferedAsTheClosestPassageStaysATable() {
        Passage options = passage("Options", "config", """
                | option | meaning | default |
                | --- | --- | --- |
                | port | where the server listens | 7070 |
                | workers | threads that answer | 4 |""", 12.0);

        Answer answer = ExtractiveAnswerer.answer("작업자 스레드는 기본으로 몇 개인가요?",
                List.of(options, passage("dict", DICTIONARIES, 3.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.CLOSEST);
        assertThat(answer.text()).contains("> | option | meaning | default |\n> | --- | --- | --- |\n> | port |")
            .contains("| workers | threads that answer | 4 |\n>\n> [1]");
    }

    @Test
    void aNonEnglishQuestionIsAnsweredFromTheWordsItSharesAndSaysWhichThoseWere() {
        Answer answer = ExtractiveAnswerer.answer("namedtuple에서 기본값은 어떻게 정해요?",
                List.of(passage("collections", NAMEDTUPLE, 6.0), passage("dict", DICTIONARIES, 2.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.ANSWERED);
        assertThat(answer.cited()).containsExactly(1);
        assertThat(answer.text()).startsWith("문서가 영어로 쓰여 있어 질문의 일부 단어만(namedtuple)");
        assertCitationsMatch(answer, 2);
    }

    /**
     * Every [n] in the text is a cited passage, numbered 1..k with none skipped, and
     * every cited passage appears as [n].
     */
    private static void assertCitationsMatch(Answer answer, int passageCount) {
        Citations.Checked checked = Citations.check(answer.text(), passageCount);
        assertThat(checked.text()).isEqualTo(answer.text());
        // "[1]:" before code is a citation too (Citations.check reads it as a link
        // label).
        assertThat(java.util.regex.Pattern.compile("\\[(\\d+)]")
            .matcher(answer.text().replaceAll("(?s)```.*?```", ""))
            .results()
            .map(match -> Integer.parseInt(match.group(1)))
            .distinct()
            .sorted()
            .toList()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, answer.cited().size()).boxed().toList());
    }

    private static Passage passage(String section, String text, double score) {
        return passage(section, section, text, score);
    }

    private static Passage passage(String section, String page, String text, double score) {
        return new Passage(section + "-0", PYTHON, "Python 3.11", "library/" + page + ".html", page, section,
                "https://docs.python.org/3.11/library/" + page + ".html#" + section, text, score);
    }

}

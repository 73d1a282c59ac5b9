package dev.docent.assistant;

import dev.docent.assistant.prompt.Citations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.assistant.extractive.ExtractiveAnswerer;
import dev.docent.assistant.extractive.ExtractiveAnswerer.Answer;
import dev.docent.assistant.extractive.ExtractiveAnswerer.Coverage;
import dev.docent.chat.Source;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieved;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The failure modes issue 10 found in offline answers, each with passages as the Python
 * and Django documentation's HTML is ingested (table rows as "a | b" paragraphs).
 */
class ExtractiveFailureModesTest {

    private static final UUID PYTHON = UUID.randomUUID();

    private static final UUID DJANGO = UUID.randomUUID();

    /** library/stdtypes.html § Comparisons. */
    static final String COMPARISONS = """
            There are eight comparison operations in Python. They all have the same priority (which is higher \
            than that of the Boolean operations). Comparisons can be chained arbitrarily; for example, x < y <= z \
            is equivalent to x < y and y <= z, except that y is evaluated only once (but in both cases z is not \
            evaluated at all when x < y is found to be false).

            This table summarizes the comparison operations:

            Operation | Meaning

            < | strictly less than

            <= | less than or equal

            > | strictly greater than

            >= | greater than or equal

            == | equal

            != | not equal

            is | object identity

            is not | negated object identity

            Objects of different types, except different numeric types, never compare equal.""";

    /** library/ipaddress.html § Logical operators. */
    static final String IP_OPERATORS = """
            Interface objects can be compared with the usual set of logical operators.

            For equality comparison (== and !=), both the IP address and network must be the same for the objects \
            to be equal. An interface will not compare equal to any address or network object.

            For ordering (<, >, etc) the rules are different. Interface and address objects with the same IP \
            version can be compared, and the address objects will always sort before the interface objects. Two \
            interface objects are first compared by their networks and, if those are the same, then by their IP \
            addresses.""";

    /** intro/tutorial01.html § Creating the Polls app. */
    private static final String POLLS_APP = """
            Now that your environment – a “project” – is set up, you’re set to start doing work.

            Each application you write in Django consists of a Python package that follows a certain convention. \
            Django comes with a utility that automatically generates the basic directory structure of an app, so \
            you can focus on writing code rather than creating directories.

            Projects vs. apps

            What’s the difference between a project and an app? An app is a Web application that does something – \
            e.g., a Weblog system, a database of public records or a small poll app. A project is a collection of \
            configuration and apps for a particular website. A project can contain multiple apps. An app can be \
            in multiple projects.

            Your apps can live anywhere on your Python path.""";

    /** howto/functional.html § The functools module. */
    private static final String REDUCE = """
            If you use operator.add() with functools.reduce(), you’ll add up all the elements of the iterable. \
            This case is so common that there’s a special built-in called sum() to compute it:

            >>> import functools, operator
            >>> functools.reduce(operator.add, [1, 2, 3, 4], 0)
            10
            >>> sum([1, 2, 3, 4])
            10
            >>> sum([])
            0""";

    /** library/functools.html § functools.cache. */
    private static final String CACHE = """
            Simple lightweight unbounded function cache. Sometimes called "memoize". Returns the same as \
            lru_cache(maxsize=None), creating a thin wrapper around a dictionary lookup for the function \
            arguments.""";

    /** library/functools.html § functools.lru_cache. */
    private static final String LRU_CACHE = """
            Decorator to wrap a function with a memoizing callable that saves up to the maxsize most recent calls. \
            It can save time when an expensive or I/O bound function is periodically called with the same \
            arguments.""";

    /** library/string.html § Helper functions. */
    private static final String CAPWORDS = """
            string.capwords(s, sep=None)

            Split the argument into words using str.split(), capitalize each word using str.capitalize(), and \
            join the capitalized words using str.join().""";

    @Test
    void aTableIsShownAsATableOfItsAnsweringRowsNotItsHeaderAlone() {
        Answer answer = ExtractiveAnswerer.answer("Which operator tests object identity?",
                List.of(python("stdtypes", "Comparisons", COMPARISONS, 5.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.ANSWERED);
        assertThat(answer.text()).contains("| Operation | Meaning |\n| --- | --- |\n| is | object identity |")
            .doesNotContain("| <= | less than or equal |");
    }

    @Test
    void aTableWhoseRowsDoNotNameTheQuestionsWordsIsShownWhole() {
        Answer answer = ExtractiveAnswerer.answer("What comparison operations are there?",
                List.of(python("stdtypes", "Comparisons", COMPARISONS, 5.0)));

        assertThat(answer.text()).contains("| Operation | Meaning |", "| <= | less than or equal |",
                "| is not | negated object identity |");
    }

    @Test
    void sentencesOfAnotherPageThatAnswerLessWellAreNotAddedAsPadding() {
        Answer answer = ExtractiveAnswerer.answer("Which comparison operations does Python have?",
                List.of(python("stdtypes", "Comparisons", COMPARISONS, 5.0),
                        python("ipaddress", "Logical operators", IP_OPERATORS, 4.0)));

        assertThat(answer.cited()).containsExactly(1);
        assertThat(answer.text()).contains("There are eight comparison operations in Python")
            .doesNotContain("Interface", "[2]");
    }

    @Test
    void aQuestionTheDocumentationAsksItselfBringsItsAnswer() {
        Answer answer = ExtractiveAnswerer.answer("What is the difference between a project and an app in Django?",
                List.of(django("intro/tutorial01.html", "Creating the Polls app", POLLS_APP, 3.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.ANSWERED);
        assertThat(answer.text()).contains("An app is a Web application that does something",
                "A project is a collection of configuration and apps for a particular website");
    }

    /** topics/db/transactions.html § Transaction rollback: the page's best passage. */
    private static final String ROLLBACK = """
            The first option is to roll back the entire transaction. For example:

            a.save() # Succeeds, but may be undone by transaction rollback
            try:
                b.save() # Could throw exception
            except IntegrityError:
                transaction.rollback()
            c.save() # Succeeds, but a.save() may have been undone

            Calling transaction.rollback() rolls back the entire transaction. Any uncommitted database \
            operations will be lost. In this example, the changes made by a.save() would be lost, even though \
            that operation raised no error itself.""";

    /**
     * topics/db/transactions.html § Controlling transactions explicitly: further down the
     * page.
     */
    private static final String ATOMIC = """
            Django provides a single API to control database transactions.

            atomic(using=None, savepoint=True, durable=False)

            Atomicity is the defining property of database transactions. atomic allows us to create a block of \
            code within which the atomicity on the database is guaranteed. If the block of code is successfully \
            completed, the changes are committed to the database. If there is an exception, the changes are \
            rolled back.

            atomic blocks can be nested. In this case, when an inner block completes successfully, its effects \
            can still be rolled back if an exception is raised in the outer block at a later point.""";

    /** topics/db/queries.html § Falling back to raw SQL: another page. */
    private static final String RAW_SQL = """
            If you find yourself needing to write an SQL query that is too complex for Django's database-mapper \
            to handle, you can fall back on writing SQL by hand. Django has a couple of options for writing raw \
            SQL queries; see Performing raw SQL queries.""";

    @Test
    void theSectionThatAnswersIsReadEvenWhenAnotherSectionRankedItsPage() {
        String question = "How do I make several database writes either all succeed or all get rolled back together?";
        Passage rollback = djangoPage("topics/db/transactions.html", "Transaction rollback", ROLLBACK, 0.2);
        Passage atomic = djangoPage("topics/db/transactions.html", "Controlling transactions explicitly", ATOMIC, 0.1);
        Passage rawSql = djangoPage("topics/db/queries.html", "Falling back to raw SQL", RAW_SQL, 0.15);

        Answer ranked = ExtractiveAnswerer.answer(question, List.of(rollback, rawSql));
        assertThat(ranked.text()).as("the page's best passage alone").doesNotContain("atomic");

        Retrieved retrieved = new Retrieved(question, List.of(question), List.of(rollback, rawSql), List.of(atomic));
        Answer answer = ExtractiveAnswerer.answer(question, retrieved);

        assertThat(answer.text()).contains("atomic");
        List<Source> sources = Citations.inOrderCited(retrieved.byPage(), answer.cited());
        assertThat(sources).extracting(Source::section).contains("Controlling transactions explicitly");
        assertThat(sources).extracting(Source::page).containsOnly("topics/db/transactions.html");
    }

    @Test
    void aModulePagesSourceLinkIsNotQuoted() {
        String traceback = """
                Source code: Lib/traceback.py This module provides a standard interface to extract, format and \
                print stack traces of Python programs. It exactly mimics the behavior of the Python interpreter \
                when it prints a stack trace.""";

        Answer answer = ExtractiveAnswerer.answer("How do I print a stack trace of my program?",
                List.of(python("traceback", "traceback — Print or retrieve a stack traceback", traceback, 1.0)));

        assertThat(answer.text()).startsWith("This module provides a standard interface")
            .doesNotContain("Source code", "Lib/traceback.py");
    }

    /** library/random.html § Functions for sequences, as ingested (shortened). */
    private static final String RANDOM_SEQUENCES = """
            random.choice(seq)

            Return a random element from the non-empty sequence seq. If seq is empty, raises IndexError.

            random.choices(population, weights=None, *, cum_weights=None, k=1)

            Return a k sized list of elements chosen from the population with replacement. If the population is \
            empty, raises IndexError.

            For a given seed, the choices() function with equal weighting typically produces a different sequence \
            than repeated calls to choice().""";

    @Test
    void aSignatureIsShownOnceThoughBothItsSentenceAndTheExampleRuleWantIt() {
        Answer answer = ExtractiveAnswerer.answer("How do I pick a random element from a sequence?",
                List.of(python("random", "Functions for sequences", RANDOM_SEQUENCES, 1.0)));

        String text = answer.text();
        assertThat(text).contains("random.choice(seq)", "Return a random element from the non-empty sequence seq");
        assertThat(text.indexOf("random.choice(seq)")).isEqualTo(text.lastIndexOf("random.choice(seq)"));
    }

    /** tutorial/inputoutput.html § 7.2.1. Methods of File Objects, as ingested. */
    private static final String FILE_METHODS = """
            The rest of the examples in this section will assume that a file object called f has already been \
            created.

            To read a file’s contents, call f.read(size), which reads some quantity of data and returns it as a \
            string (in text mode) or bytes object (in binary mode). size is an optional numeric argument. When \
            size is omitted or negative, the entire contents of the file will be read and returned; it’s your \
            problem if the file is twice as large as your machine’s memory. Otherwise, at most size characters \
            (in text mode) or size bytes (in binary mode) are read and returned. If the end of the file has been \
            reached, f.read() will return an empty string ('').

            >>> f.read()
            'This is the entire file.\\n'
            >>> f.read()
            ''

            f.readline() reads a single line from the file; a newline character (\\n) is left at the end of the \
            string, and is only omitted on the last line of the file if the file doesn’t end in a newline. This \
            makes the return value unambiguous; if f.readline() returns an empty string, the end of the file has \
            been reached, while a blank line is represented by '\\n', a string containing only a single newline.

            >>> f.readline()
            'This is the first line of the file.\\n'
            >>> f.readline()
            'Second line of the file\\n'
            >>> f.readline()
            ''

            For reading lines from a file, you can loop over the file object. This is memory efficient, fast, and \
            leads to simple code:

            >>> for line in f:
            ...     print(line, end='')
            ...
            This is the first line of the file.
            Second line of the file

            If you want to read all the lines of a file in a list you can also use list(f) or f.readlines().""";

    @Test
    void anExampleAnnouncedByASentenceIsNotShownWithoutIt() {
        Answer answer = ExtractiveAnswerer.answer(
                "How do I read a big text file line by line without loading all of it into memory?",
                List.of(python("inputoutput", "7.2.1. Methods of File Objects", FILE_METHODS, 1.0)));

        assertThat(answer.text()).as("the example only with the sentence that announces it")
            .satisfiesAnyOf(text -> assertThat(text).doesNotContain(">>> for line in f:"),
                    text -> assertThat(text).contains("leads to simple code", ">>> for line in f:"));
    }

    @Test
    void aCodeExampleComesWithTheSentenceThatExplainsIt() {
        Answer answer = ExtractiveAnswerer.answer("How do I add up all the elements of an iterable with reduce?",
                List.of(python("functional", "The functools module", REDUCE, 4.0)));

        String text = answer.text();
        int fence = text.indexOf("```python");
        assertThat(fence).isPositive();
        assertThat(text.substring(0, fence)).contains("special built-in called sum() to compute it [1]:");
    }

    /**
     * The tutorial's list methods as chunked: a passage may start with the description of
     * the signature that ended the one before it.
     */
    private static final String LIST_METHODS = """
            Reverse the elements of the list in place.

            list.copy()

            Return a shallow copy of the list. Equivalent to a[:].

            An example that uses most of the list methods:

            >>> fruits = ['orange', 'apple', 'pear', 'banana', 'kiwi', 'apple', 'banana']
            >>> fruits.count('apple')
            2
            >>> fruits.count('tangerine')
            0
            >>> fruits.index('banana')
            3
            >>> fruits.index('banana', 4)  # Find next banana starting at position 4
            6
            >>> fruits.reverse()
            >>> fruits
            ['banana', 'apple', 'kiwi', 'banana', 'pear', 'apple', 'orange']
            >>> fruits.append('grape')
            >>> fruits
            ['banana', 'apple', 'kiwi', 'banana', 'pear', 'apple', 'orange', 'grape']
            >>> fruits.sort()
            >>> fruits
            ['apple', 'apple', 'banana', 'banana', 'grape', 'kiwi', 'orange', 'pear']
            >>> fruits.pop()
            'pear'

            You might have noticed that methods like insert, remove or sort that only modify the list have \
            no return value printed – they return the default None. This is a design principle for all \
            mutable data structures in Python.""";

    @Test
    void aSignatureIsNeverShownAsTheExampleOfTheSentenceBeforeIt() {
        Answer answer = ExtractiveAnswerer.answer("How do I reverse a list in place?",
                List.of(python("datastructures", "More on Lists", LIST_METHODS, 5.0)));

        assertThat(answer.text()).contains("Reverse the elements of the list in place").doesNotContain("list.copy()");
    }

    @Test
    void citationsAreNumberedInTheOrderCitedWithoutSkipping() {
        List<Passage> passages = List.of(python("functools", "lru_cache", LRU_CACHE, 7.0),
                python("string", "Helper functions", CAPWORDS, 6.95), python("functools", "cache", CACHE, 6.9));

        Answer answer = ExtractiveAnswerer.answer(
                "What is an unbounded function cache, and which decorator saves the maxsize most recent calls?",
                passages);

        assertThat(answer.cited()).containsExactly(1, 3);
        assertThat(answer.text()).contains("[1]", "[2]").doesNotContain("[3]");
        List<Source> sources = Citations.inOrderCited(passages, answer.cited());
        assertThat(sources).extracting(Source::n).containsExactly(1, 2);
        assertThat(sources).extracting(Source::section).containsExactly("lru_cache", "cache");
    }

    @Test
    void whenNothingAnswersItSaysSoAndOffersTheMostRelatedPagesAsLinks() {
        Answer answer = ExtractiveAnswerer.answer("How do I bake sourdough bread?",
                List.of(python("stdtypes", "Comparisons", COMPARISONS, 3.0),
                        python("stdtypes", "Comparisons", COMPARISONS, 2.9),
                        python("ipaddress", "Logical operators", IP_OPERATORS, 2.0),
                        python("functional", "The functools module", REDUCE, 1.5),
                        python("string", "Helper functions", CAPWORDS, 1.0)));

        assertThat(answer.coverage()).isEqualTo(Coverage.NOT_COVERED);
        assertThat(answer.cited()).isEmpty();
        assertThat(answer.text()).startsWith(ExtractiveAnswerer.NOT_COVERED)
            .contains(ExtractiveAnswerer.RELATED_PAGES)
            .contains("- [stdtypes](https://docs.python.org/3.11/library/stdtypes.html) (Python 3.11)",
                    "- [ipaddress](https://docs.python.org/3.11/library/ipaddress.html) (Python 3.11)",
                    "- [functional](https://docs.python.org/3.11/library/functional.html) (Python 3.11)")
            .doesNotContain("string.html", "eight comparison operations", "[1]");
    }

    /** getting-started.html § Create an administrator: the page's best passage. */
    private static final String CREATE_ADMINISTRATOR = """
            Adding and deleting documents needs the ADMIN role. Signing up never grants it; instead, name an \
            administrator in the environment and Docent creates that account, or gives it this password, every \
            time it starts.""";

    /** getting-started.html § Create an account and sign in: further down the page. */
    private static final String CREATE_ACCOUNT = """
            Unless the server turned sign-up off, anyone can sign up with a username and a password of 10 to 72 \
            characters. Logging in returns a short-lived access token and a refresh token.

            curl -s -XPOST $B/auth/signup -d '{"username":"ada","password":"correct horse battery"}'

            The other pages of this guide reuse $B and $T from this example.""";

    @Test
    void aSectionWhoseHeadingRestatesTheQuestionIsQuotedFromItsStart() {
        String question = "How do I create an account?";
        Passage administrator = guide("Create an administrator", CREATE_ADMINISTRATOR, 0.3);
        Passage account = guide("Create an account and sign in", CREATE_ACCOUNT, 0.1);
        Retrieved retrieved = new Retrieved(question, List.of(question), List.of(administrator), List.of(account));

        Answer answer = ExtractiveAnswerer.answer(question, retrieved);

        assertThat(answer.text()).startsWith("Unless the server turned sign-up off, anyone can sign up")
            .contains("Logging in returns", "auth/signup")
            .doesNotContain("administrator", "reuse $B");
        assertThat(Citations.inOrderCited(retrieved.byPage(), answer.cited())).extracting(Source::section)
            .containsExactly("Create an account and sign in");
    }

    /** tutorial/datastructures.html § 5.1.1. Using Lists as Stacks. */
    private static final String STACKS = """
            The list methods make it very easy to use a list as a stack, where the last element added is the first \
            element retrieved (“last-in, first-out”). To add an item to the top of the stack, use append(). To \
            retrieve an item from the top of the stack, use pop() without an explicit index. For example:

            >>> stack = [3, 4, 5]
            >>> stack.append(6)
            >>> stack.pop()
            6""";

    @Test
    void aSectionsOpeningKeepsTheExampleItsSentencesLeadTo() {
        Answer answer = ExtractiveAnswerer.answer("How do I use a list as a stack?",
                List.of(python("datastructures", "5.1.1. Using Lists as Stacks", STACKS, 1.0)));

        assertThat(answer.text()).startsWith("The list methods make it very easy to use a list as a stack")
            .contains("For example [1]:", ">>> stack.append(6)");
    }

    @Test
    void aHeadingThatLacksOneOfTheQuestionsWordsDoesNotDecide() {
        String question = "How do I create an administrator account?";
        Passage administrator = guide("Create an administrator", CREATE_ADMINISTRATOR, 0.3);
        Passage account = guide("Create an account and sign in", CREATE_ACCOUNT, 0.1);

        Answer answer = ExtractiveAnswerer.answer(question,
                new Retrieved(question, List.of(question), List.of(administrator), List.of(account)));

        assertThat(answer.text()).contains("Docent creates that account").doesNotContain("anyone can sign up");
    }

    @Test
    void aFollowUpsHeadingMatchCountsTheWordsItBorrowedFromEarlierTurns() {
        String shareLinks = "Share makes a link that anyone can open without an account. Revoke ends a link at once.";
        String keys = "Revoking a key refuses it at once, on every instance within a second.";
        Passage share = guide("Share a chat with a read-only link", shareLinks, 0.3);
        Passage key = guide("Revoke an API key", keys, 0.2);

        Answer answer = ExtractiveAnswerer.answer("And how do I revoke it?", "share chat link revoke",
                List.of(share, key));

        assertThat(answer.text()).contains("Revoke ends a link at once").doesNotContain("refuses it");
    }

    private static Passage guide(String section, String text, double score) {
        return new Passage("getting-started-" + section, DJANGO, "Docent user guide", "getting-started.html",
                "Getting started", section, "/guide/getting-started.html", text, score);
    }

    private static Passage python(String page, String section, String text, double score) {
        return new Passage(page + "-" + section, PYTHON, "Python 3.11", "library/" + page + ".html", page, section,
                "https://docs.python.org/3.11/library/" + page + ".html#" + section.replace(' ', '-'), text, score);
    }

    private static Passage djangoPage(String page, String section, String text, double score) {
        return new Passage(page + "-" + section, DJANGO, "Django 3.2", page, page, section,
                "https://docs.djangoproject.com/en/3.2/" + page + "#" + section.replace(' ', '-'), text, score);
    }

    private static Passage django(String page, String section, String text, double score) {
        return new Passage(page + "-" + section, DJANGO, "Django 3.2", page, "Writing your first Django app, part 1",
                section, "https://docs.djangoproject.com/en/3.2/" + page + "#" + section.replace(' ', '-'), text,
                score);
    }

}

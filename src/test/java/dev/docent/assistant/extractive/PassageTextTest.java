package dev.docent.assistant.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.assistant.extractive.PassageText.Code;
import dev.docent.assistant.extractive.PassageText.Piece;
import dev.docent.assistant.extractive.PassageText.Sentence;
import dev.docent.assistant.extractive.PassageText.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageTextTest {

    @Test
    void abbreviationsVersionsAndNamesDoNotEndASentence() {
        List<String> sentences = PassageText.sentences("The integer numbers (e.g. 2, 4, 20) have type int, i.e. whole "
                + "numbers. New in version 3.11. Use os.path.join() to build paths, cf. the pathlib module. "
                + "Strings, lists, tuples etc. are sequences. Mr. Smith wrote it.");

        assertThat(sentences).containsExactly("The integer numbers (e.g. 2, 4, 20) have type int, i.e. whole numbers.",
                "New in version 3.11.", "Use os.path.join() to build paths, cf. the pathlib module.",
                "Strings, lists, tuples etc. are sequences.", "Mr. Smith wrote it.");
    }

    @Test
    void sentencesEndAtQuestionAndExclamationMarksAndBeforeQuotesAndDigits() {
        assertThat(PassageText.sentences("Why is it slow? Because it copies! “Copy” means a new list. 60 * 15 is 900."))
            .containsExactly("Why is it slow?", "Because it copies!", "“Copy” means a new list.", "60 * 15 is 900.");
    }

    @Test
    void aLowerCaseWordStartsASentenceOnlyWhenItIsAnIdentifier() {
        assertThat(PassageText.sentences("It caches the view. cache_page takes a single argument. "
                + "The timeout is in seconds. it is not a new sentence here."))
            .containsExactly("It caches the view.", "cache_page takes a single argument.",
                    "The timeout is in seconds. it is not a new sentence here.");
    }

    @Test
    void aParentheticalSentenceStaysWholeAndInlineCodeIsNeverSplit() {
        assertThat(PassageText.sentences("The result is cached for 15 minutes. (Note that we wrote it as 60 * 15 for "
                + "readability. It is evaluated to 900.) Call `obj.save(). Then` reload."))
            .containsExactly("The result is cached for 15 minutes.",
                    "(Note that we wrote it as 60 * 15 for readability. It is evaluated to 900.)",
                    "Call `obj.save(). Then` reload.");
    }

    @Test
    void interactiveSessionsListingsSignaturesAndProseAreToldApart() {
        String passage = """
                Named tuples assign meaning to each position in a tuple. They can be used wherever regular tuples are used.

                collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)

                Returns a new tuple subclass named typename.

                >>> Point = namedtuple('Point', ['x', 'y'])
                >>> p = Point(11, y=22)
                >>> p.x + p.y
                33

                EmployeeRecord = namedtuple('EmployeeRecord', 'name, age, title')

                import csv
                for emp in map(EmployeeRecord._make, csv.reader(open("employees.csv", "rb"))):
                    print(emp.name, emp.title)

                somenamedtuple._asdict()

                Return a new dict which maps field names to their corresponding values:""";

        List<Piece> pieces = PassageText.pieces(passage);

        assertThat(pieces).containsExactly(new Sentence("Named tuples assign meaning to each position in a tuple."),
                new Sentence("They can be used wherever regular tuples are used."),
                new Code("collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)"),
                new Sentence("Returns a new tuple subclass named typename."), new Code("""
                        >>> Point = namedtuple('Point', ['x', 'y'])
                        >>> p = Point(11, y=22)
                        >>> p.x + p.y
                        33

                        EmployeeRecord = namedtuple('EmployeeRecord', 'name, age, title')

                        import csv
                        for emp in map(EmployeeRecord._make, csv.reader(open("employees.csv", "rb"))):
                            print(emp.name, emp.title)"""), new Code("somenamedtuple._asdict()"),
                new Sentence("Return a new dict which maps field names to their corresponding values:"));
    }

    @Test
    void fencedAndIndentedBlocksAreCodeAndWrappedProseIsJoined() {
        String passage = """
                To cache a view, wrap it in the decorator. The timeout is
                given in seconds, and the result is stored per URL.

                ```python
                @cache_page(60 * 15)

                def my_view(request):
                    ...
                ```

                    $ python manage.py createcachetable

                Django templates use tags:

                {% load cache %}
                {% cache 500 sidebar %}
                    .. sidebar ..
                {% endcache %}""";

        List<Piece> pieces = PassageText.pieces(passage);

        assertThat(pieces).containsExactly(new Sentence("To cache a view, wrap it in the decorator."),
                new Sentence("The timeout is given in seconds, and the result is stored per URL."),
                new Code(
                        "@cache_page(60 * 15)\n\ndef my_view(request):\n    ...\n\n$ python manage.py createcachetable"),
                new Sentence("Django templates use tags:"),
                new Code("{% load cache %}\n{% cache 500 sidebar %}\n    .. sidebar ..\n{% endcache %}"));
    }

    @Test
    void singleLinesOfCodeAreRecognised() {
        assertThat(List.of("import os", "from collections import namedtuple", "x = compute(1, 2)",
                "django.views.decorators.cache.cache_page()", "classmethod somenamedtuple._make(iterable)",
                "str.strip([chars])", "@functools.cache", "{'x': 11, 'y': 22}", "33", "def f(x):"))
            .allMatch(PassageText::looksLikeCode);
        assertThat(List.of("Return a new dict.", "The default is None.", "For example, see the tutorial.",
                "Use print(x) to show it.", "Changed in version 3.7: Added the defaults parameter."))
            .noneMatch(PassageText::looksLikeCode);
    }

    @Test
    void tableRowsAsTheHtmlParserWritesThemAreOneTable() {
        List<Piece> pieces = PassageText.pieces("This table summarizes the comparison operations:\n\n"
                + "Operation | Meaning\n\n< | strictly less than\n\nis | object identity\n\n"
                + "Objects of different types never compare equal.");

        assertThat(pieces).containsExactly(new Sentence("This table summarizes the comparison operations:"),
                new Table(List.of(List.of("Operation", "Meaning"), List.of("<", "strictly less than"),
                        List.of("is", "object identity"))),
                new Sentence("Objects of different types never compare equal."));
    }

    @Test
    void aMarkdownTableIsATableWithOrWithoutItsLineBreaks() {
        Table expected = new Table(
                List.of(List.of("Format", "Extensions"), List.of("Markdown", ".md"), List.of("PDF", ".pdf")));

        assertThat(PassageText.pieces("| Format | Extensions |\n|---|---|\n| Markdown | .md |\n| PDF | .pdf |"))
            .containsExactly(expected);
        assertThat(PassageText.pieces("| Format | Extensions | |---|---| | Markdown | .md | | PDF | .pdf |"))
            .containsExactly(expected);
    }

    @Test
    void aLoneRowWithABarStaysASentence() {
        assertThat(PassageText.pieces("Use x | y to merge two dicts into a new one."))
            .containsExactly(new Sentence("Use x | y to merge two dicts into a new one."));
    }

    @Test
    void aCommentSetApartAfterAnExampleBelongsToTheExample() {
        List<Piece> pieces = PassageText.pieces("""
                If you're using the standard authentication backend provided by Django (ModelBackend), credentials \
                should be the user's username and password, provided as keyword arguments:

                >>> c = Client()
                >>> c.login(username='fred', password='secret')

                # Now you can access a view that's only available to logged-in users.

                If you're using a different authentication backend, this method may require different credentials.""");

        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(1)).isInstanceOf(Code.class);
        assertThat(pieces.get(1).text())
            .endsWith("password='secret')\n\n# Now you can access a view that's only available to logged-in users.");
        assertThat(pieces.get(2).text()).startsWith("If you're using a different authentication backend");
    }

    @Test
    void aLineOpeningWithAHashIsASentenceWhenNoExampleComesBefore() {
        assertThat(PassageText.pieces("# is how a comment starts in Python.\n\nAnother sentence follows."))
            .allMatch(piece -> piece instanceof Sentence);
    }

    @Test
    void aCommandAsTypedInAShellIsCodeButASentenceAboutTheToolIsNot() {
        List<Piece> pieces = PassageText.pieces("""
                To upgrade, run pip with the upgrade flag.

                pip install --upgrade frobnicator

                pip is the package installer for Python.""");

        assertThat(pieces).extracting(piece -> piece.getClass().getSimpleName())
            .containsExactly("Sentence", "Code", "Sentence");
        assertThat(PassageText.looksLikeCode("git clone https://github.com/example/frob.git")).isTrue();
        assertThat(PassageText.looksLikeCode("python -m venv .venv")).isTrue();
        assertThat(PassageText.looksLikeCode(
                "curl -s -XDELETE $B/documents/$DOCUMENT_ID -H \"Authorization: Bearer $ADMIN_TOKEN\"    # 204"))
            .as("aligned comment after a long command")
            .isTrue();
        assertThat(PassageText.looksLikeCode("make sure the file exists.")).isFalse();
        assertThat(PassageText.looksLikeCode("go to the settings page and choose a theme")).isFalse();
    }

}

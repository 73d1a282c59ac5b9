package dev.docent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "dev.docent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /**
     * The packages of plain logic: every class in them, a new one too, is unit-tested
     * without a framework. A module's Spring beans live in its base package or in a
     * sub-package not listed here.
     */
    static final String[] PLAIN_PACKAGES = { "dev.docent.knowledge.parse..", "dev.docent.knowledge.chunk..",
            "dev.docent.knowledge.index..", "dev.docent.knowledge.retrieve..", "dev.docent.assistant.extractive..",
            "dev.docent.assistant.prompt..", "dev.docent.chat.paging..", "dev.docent.chat.export..",
            "dev.docent.chat.cache.keys..", "dev.docent.llm.embedding..", "dev.docent.llm.http..",
            "dev.docent.llm.settings..", "dev.docent.shared.id..", "dev.docent.shared.text..",
            "dev.docent.knowledge.starters..", "dev.docent.insights.grouping..", "dev.docent.assistant.pagechoice.." };

    /**
     * The ingest pipeline's later steps: storing, indexing, searching, and what drives
     * them.
     */
    static final String[] AFTER_CHUNKING = { "dev.docent.knowledge.ingest..", "dev.docent.knowledge.upload..",
            "dev.docent.knowledge.store..", "dev.docent.knowledge.index..", "dev.docent.knowledge.replica..",
            "dev.docent.knowledge.retrieve..", "dev.docent.knowledge.cli..", "dev.docent.knowledge.web.." };

    @ArchTest
    static final ArchRule plainLogicHasNoSpring = noClasses().that()
        .resideInAnyPackage(PLAIN_PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..");

    /**
     * Parsing and chunking know nothing of what is done with their pages and passages.
     */
    @ArchTest
    static final ArchRule parsingAndChunkingComeFirst = noClasses().that()
        .resideInAnyPackage("dev.docent.knowledge.parse..", "dev.docent.knowledge.chunk..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(AFTER_CHUNKING);

    /**
     * HTTP is the web edge's business: the rest raise {@code shared.Problem}s, which
     * {@code shared.ProblemHandler} maps (the assistant's turn raises {@code TurnFailed},
     * which assistant.web maps).
     */
    @ArchTest
    static final ArchRule httpOnlyAtTheWebEdge = noClasses().that()
        .resideOutsideOfPackages("dev.docent..web..", "dev.docent.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes().that()
        .areAnnotatedWith(RestController.class)
        .should()
        .resideInAPackage("dev.docent.*.web..");

    @ArchTest
    static final ArchRule webPackagesDoNotTouchTheDatabase = noClasses().that()
        .resideInAPackage("dev.docent.*.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

    /**
     * A virtual thread waiting for the packaged jar's lock while it loads a class pins
     * its carrier; work that may hold that lock (anything reading the jar) must be able
     * to run when every carrier is pinned so (decision 0007).
     */
    @ArchTest
    static final ArchRule noVirtualThreads = noClasses().should()
        .callMethod(Thread.class, "ofVirtual")
        .orShould()
        .callMethod(Thread.class, "startVirtualThread", Runnable.class)
        .orShould()
        .callMethod(Executors.class, "newVirtualThreadPerTaskExecutor")
        .because("a virtual thread reading the packaged jar can wedge the start (decision 0007)");

    /**
     * The turn is no HTTP matter: status codes, headers and problem bodies belong to
     * assistant.web.
     */
    @ArchTest
    static final ArchRule assistantCoreUsesNoHttpTypes = noClasses().that()
        .resideInAPackage("dev.docent.assistant..")
        .and()
        .resideOutsideOfPackage("dev.docent.assistant.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework.http..");

}

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

    /** Logic that needs no framework stays free of it, and is unit-tested directly. */
    @ArchTest
    static final ArchRule plainLogicHasNoSpring = noClasses()
            .that().haveSimpleName("ListCursor").or().haveSimpleName("CacheKeys")
            .or().haveSimpleName("PromptAssembler").or().haveSimpleName("Titles")
            .or().haveSimpleName("MarkdownExport").or().haveSimpleName("Ids")
            .or().haveSimpleName("DocumentParser").or().haveSimpleName("HtmlPageParser")
            .or().haveSimpleName("MarkdownPageParser").or().haveSimpleName("TextPageParser")
            .or().haveSimpleName("PdfPageParser").or().haveSimpleName("Outline")
            .or().haveSimpleName("ParsedPage").or().haveSimpleName("Section").or().haveSimpleName("Block")
            .or().haveSimpleName("Chunker").or().haveSimpleName("Chunk")
            .or().haveSimpleName("PassageIndex").or().haveSimpleName("PassageDocument")
            .or().haveSimpleName("PassageQuery").or().haveSimpleName("PassageAnalyzer")
            .or().haveSimpleName("PageRanking")
            .or().haveSimpleName("InProcessEmbedder").or().haveSimpleName("InProcessModel")
            .or().haveSimpleName("OpenAiEmbedder").or().haveSimpleName("EmbedderInput")
            .or().haveSimpleName("SettingValues")
            .or().haveSimpleName("ExtractiveAnswerer").or().haveSimpleName("PassageText")
            .or().haveSimpleName("Citations").or().haveSimpleName("QueryPlanner")
            .or().haveSimpleName("RankFusion").or().haveSimpleName("Terms")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("dev.docent.*.web..");

    @ArchTest
    static final ArchRule webPackagesDoNotTouchTheDatabase = noClasses()
            .that().resideInAPackage("dev.docent.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

    /**
     * A virtual thread waiting for the packaged jar's lock while it loads a class pins its carrier; work that may
     * hold that lock (anything reading the jar) must be able to run when every carrier is pinned so (decision 0007).
     */
    @ArchTest
    static final ArchRule noVirtualThreads = noClasses()
            .should().callMethod(Thread.class, "ofVirtual")
            .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
            .orShould().callMethod(Executors.class, "newVirtualThreadPerTaskExecutor")
            .because("a virtual thread reading the packaged jar can wedge the start (decision 0007)");
}

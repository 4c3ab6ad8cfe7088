package app.todo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of {@link HexagonRules} against the production classes of every module. */
@AnalyzeClasses(packages = "app.todo", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonRulesTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(HexagonRules.class);

    /** Rules over an import that silently lost a module would pass for nothing. */
    @ArchTest
    static void importSeesEveryModuleThatHasCode(JavaClasses classes) {
        for (String module : new String[] {"app.todo.domain.", "app.todo.application.", "app.todo.adapter.in.http.",
                "app.todo.adapter.out.persistence.", "app.todo.adapter.out.token.", "app.todo.bootstrap."}) {
            assertTrue(classes.stream().anyMatch(c -> c.getName().startsWith(module)), module + " is missing");
        }
        assertTrue(classes.stream().noneMatch(c -> c.getPackageName().contains("counterexample")),
                "test fixtures must not leak into the production import");
    }
}

package app.todo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Proves each rule catches what it is meant to: the production classes plus the small counterexamples
 * in this module's test sources ({@code ..counterexample..} packages, which {@link HexagonRulesTest}'s
 * import leaves out) must fail every rule, naming the counterexample, while the production classes
 * alone pass them.
 */
class HexagonRulesBiteTest {

    private static final JavaClasses WITH_COUNTEREXAMPLES = new ClassFileImporter().importPackages("app.todo");

    static Stream<Arguments> rulesAndTheirCounterexamples() {
        return Stream.of(
                arguments("core needs only the JDK", HexagonRules.CORE_NEEDS_ONLY_THE_JDK, "JsonTask"),
                arguments("core is free of frameworks (JDBC)", HexagonRules.CORE_IS_FREE_OF_FRAMEWORKS, "JdbcTask"),
                arguments("core is free of frameworks (Jackson)", HexagonRules.CORE_IS_FREE_OF_FRAMEWORKS, "JsonTask"),
                arguments("domain ignores application", HexagonRules.DOMAIN_IGNORES_APPLICATION, "KnowsTaskErrors"),
                arguments("onion: domain to application", HexagonRules.ONION, "KnowsTaskErrors"),
                arguments("onion: adapter to adapter", HexagonRules.ONION, "PeekingRoutes"),
                arguments("adapters ignore each other", HexagonRules.ADAPTERS_IGNORE_EACH_OTHER, "PeekingRoutes"),
                arguments("modules are free of cycles", HexagonRules.MODULES_ARE_FREE_OF_CYCLES, "KnowsTaskErrors"),
                arguments("domain packages are free of cycles", HexagonRules.DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES,
                        "counterexamplecycle.Right"),
                arguments("application packages are free of cycles", HexagonRules.APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES,
                        "counterexamplecycle.Pong"),
                arguments("nothing depends on bootstrap", HexagonRules.NOTHING_DEPENDS_ON_BOOTSTRAP, "SettingsReader"),
                arguments("services are named *Service", HexagonRules.SERVICES_ARE_NAMED_SERVICE, "TaskFetcher"),
                arguments("ports: use case name", HexagonRules.INCOMING_PORTS_ARE_NAMED_FOR_THEIR_ROLE,
                        "counterexample.FetchTasks>"),
                arguments("ports: command name", HexagonRules.INCOMING_PORTS_ARE_NAMED_FOR_THEIR_ROLE,
                        "FetchTasksRequest"),
                arguments("ports: a grant anyone can make", HexagonRules.INCOMING_PORTS_ARE_NAMED_FOR_THEIR_ROLE,
                        "OpenGrant"),
                arguments("the owner rule is checked once", HexagonRules.THE_OWNER_RULE_IS_CHECKED_ONCE,
                        "OwnerCheckingRoutes"),
                arguments("HTTP services are named *Routes", HexagonRules.HTTP_SERVICES_ARE_NAMED_ROUTES,
                        "TaskHandler"),
                arguments("only bootstrap wires both adapters", HexagonRules.ONLY_BOOTSTRAP_WIRES_BOTH_ADAPTERS,
                        "HomeMadeWiring"),
                arguments("adapters say which way they face", HexagonRules.ADAPTERS_SAY_WHICH_WAY_THEY_FACE,
                        "SidewaysAdapter"),
                arguments("the driving edge only translates", HexagonRules.THE_DRIVING_EDGE_ONLY_TRANSLATES,
                        "HashingRoutes"),
                arguments("driven ports are implemented by driven adapters",
                        HexagonRules.DRIVEN_PORTS_ARE_IMPLEMENTED_BY_DRIVEN_ADAPTERS, "HashingRoutes"),
                arguments("driven adapters ignore Helidon", HexagonRules.DRIVEN_ADAPTERS_IGNORE_HELIDON, "HelidonStore"),
                arguments("outgoing HTTP lives with HTTP", HexagonRules.OUTGOING_HTTP_LIVES_WITH_HTTP, "CallingStore"),
                arguments("JOSE lives in the token adapter", HexagonRules.JOSE_LIVES_IN_THE_TOKEN_ADAPTER,
                        "TokenPeekingFilter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirCounterexamples")
    void ruleRejectsItsCounterexample(String name, ArchRule rule, String counterexample) {
        EvaluationResult result = rule.evaluate(WITH_COUNTEREXAMPLES);

        assertTrue(result.hasViolation(), name + " let its counterexample pass");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(counterexample), () -> "expected " + counterexample + " in:\n" + report);
        assertFalse(result.filterDescriptionsMatching(d -> !d.contains("counterexample")).hasViolation(),
                () -> "only counterexamples may break " + name + ":\n" + report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirCounterexamples")
    void checkFailsTheBuildOnACounterexample(String name, ArchRule rule, String counterexample) {
        assertThrows(AssertionError.class, () -> rule.check(WITH_COUNTEREXAMPLES));
    }
}

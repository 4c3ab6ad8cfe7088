package app.todo.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.regex.Pattern;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the hexagon, as rules. Maven already keeps the modules' compile dependencies apart;
 * these rules catch what Maven cannot see: transitive leaks into the core, names, cycles, wiring.
 * No rule allows an empty selection: a rule that selected nothing (a renamed package, a lost module)
 * fails instead of passing for nothing; the onion's layers, optional only because there is no
 * domain-service layer, are each checked to hold code by {@code HexagonRulesTest}.
 */
public final class HexagonRules {

    static final String DOMAIN = "app.todo.domain..";
    static final String APPLICATION = "app.todo.application..";
    static final String HTTP = "app.todo.adapter.in.http..";
    static final String PERSISTENCE = "app.todo.adapter.out.persistence..";
    static final String HTTP_CLIENTS = "app.todo.adapter.out.http..";
    static final String TOKENS = "app.todo.adapter.out.token..";
    static final String PASSWORD = "app.todo.adapter.out.password..";
    static final String DRIVING = "app.todo.adapter.in..";
    static final String DRIVEN = "app.todo.adapter.out..";
    static final String DRIVEN_PORTS = "app.todo.application.port.out..";
    static final String BOOTSTRAP = "app.todo.bootstrap..";

    private HexagonRules() {
    }

    @ArchTest
    public static final ArchRule CORE_NEEDS_ONLY_THE_JDK = classes()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, APPLICATION, "java..", "javax.crypto..")
            .because("the core is plain Java 21 (the JDK's javax.crypto included, for HMAC checks); "
                    + "frameworks live in adapters");

    @ArchTest
    public static final ArchRule CORE_IS_FREE_OF_FRAMEWORKS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "org.jooq..", "java.sql..",
                    "javax.sql..", "jakarta..", "com.zaxxer..", "com.fasterxml..", "com.nimbusds..",
                    "org.flywaydb..", "org.slf4j..")
            .because("HTTP, JSON, tokens, SQL and logging belong to adapters, JDBC included");

    @ArchTest
    public static final ArchRule DOMAIN_IGNORES_APPLICATION = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage(APPLICATION)
            .because("use cases build on the model, never the other way round");

    @ArchTest
    public static final ArchRule ONION = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("http", HTTP)
            .adapter("persistence", PERSISTENCE)
            .adapter("http-clients", HTTP_CLIENTS)
            .adapter("tokens", TOKENS)
            .adapter("password", PASSWORD)
            // The hexagon has no domain-service layer; the layers it has are checked to hold code by
            // HexagonRulesTest.importSeesEveryModuleThatHasCode, so optional layers pass for nothing no more.
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue())
            .because("dependencies point inwards; only bootstrap, which wires everything, reaches every layer");

    @ArchTest
    public static final ArchRule OUTGOING_HTTP_LIVES_WITH_HTTP = noClasses()
            .that().resideInAnyPackage(PERSISTENCE, PASSWORD)
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .because("clients of other servers (Better Auth's get-session) live in adapters-http, package "
                    + "adapter.out.http, where a reader looks for HTTP");

    @ArchTest
    public static final ArchRule JOSE_LIVES_IN_THE_TOKEN_ADAPTER = noClasses()
            .that().resideOutsideOfPackage(TOKENS)
            .should().dependOnClassesThat().resideInAPackage("com.nimbusds..")
            .because("verifying and issuing tokens, the JWKS fetch and the own keys' byte layout sit behind the "
                    + "AccessTokenVerifier and AccessTokenIssuer ports, in adapter.out.token; the HTTP edge only "
                    + "reads the bearer token and hands it to a use case");

    @ArchTest
    public static final ArchRule ADAPTERS_IGNORE_EACH_OTHER = slices()
            .matching("app.todo.adapter.(*).(*)..")
            .should().notDependOnEachOther()
            .because("adapters meet only through the application's ports");

    @ArchTest
    public static final ArchRule ADAPTERS_SAY_WHICH_WAY_THEY_FACE = classes()
            .that().resideInAPackage("app.todo.adapter..")
            .should().resideInAnyPackage(DRIVING, DRIVEN)
            .because("adapter.in.* drive the application (the HTTP edge), adapter.out.* are driven by it "
                    + "(stores, identity providers, hashing): the package says which");

    @ArchTest
    public static final ArchRule THE_DRIVING_EDGE_ONLY_TRANSLATES = noClasses()
            .that().resideInAPackage(DRIVING)
            .should().dependOnClassesThat(resideInAPackage(DRIVEN_PORTS).and(not(assignableTo(RuntimeException.class))))
            .because("the HTTP edge calls use cases; only they use driven ports (the failures those ports "
                    + "declare, such as StorageUnavailableException, are the edge's to translate)");

    @ArchTest
    public static final ArchRule DRIVEN_PORTS_ARE_IMPLEMENTED_BY_DRIVEN_ADAPTERS = classes()
            .that().implement(resideInAPackage(DRIVEN_PORTS))
            .and().resideOutsideOfPackage(DRIVEN_PORTS)
            .should().resideInAPackage(DRIVEN)
            .because("a store, a hasher or an identity provider is a driven adapter, whatever module it sits in");

    @ArchTest
    public static final ArchRule DRIVEN_ADAPTERS_IGNORE_HELIDON = noClasses()
            .that().resideInAPackage(DRIVEN)
            .should().dependOnClassesThat().resideInAPackage("io.helidon..")
            .because("Helidon is the driving edge's web server; a driven adapter works without one");

    @ArchTest
    public static final ArchRule MODULES_ARE_FREE_OF_CYCLES = slices()
            .matching("app.todo.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("app.todo.domain.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("app.todo.application.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule SERVICES_ARE_NAMED_SERVICE = classes()
            .that().resideInAPackage("..application.service..")
            .and().implement(simpleNameEndingWith("UseCase"))
            .should().haveSimpleNameEndingWith("Service")
            .because("<Verb><Noun>Service implements <Verb><Noun>UseCase");

    @ArchTest
    public static final ArchRule INCOMING_PORTS_ARE_NAMED_FOR_THEIR_ROLE = classes()
            .that().resideInAPackage("..port.in..")
            .and().areTopLevelClasses()
            .should(be(useCaseInterface().or(useCaseMessage()).or(useCaseBundle()).or(grant())))
            .because("an incoming port is a use case, what flows in and out of one, a bundle of use cases, or a "
                    + "grant that only the application's own check makes (TaskOwner, Administrator)");

    @ArchTest
    public static final ArchRule THE_OWNER_RULE_IS_CHECKED_ONCE = noClasses()
            .that().doNotHaveFullyQualifiedName("app.todo.application.port.in.TaskOwner")
            .should().callMethod("app.todo.domain.user.User", "mayManageTasksOf", "app.todo.domain.user.UserId")
            .because("whose tasks a caller may touch is decided where the application issues a TaskOwner, which "
                    + "every task use case needs; a second check elsewhere could drift from it (docs/architecture.md)");

    @ArchTest
    public static final ArchRule HTTP_SERVICES_ARE_NAMED_ROUTES = classes()
            .that().resideInAPackage(HTTP)
            .and().implement("io.helidon.webserver.http.HttpService")
            .and().areNotAnonymousClasses()
            .should().haveSimpleNameEndingWith("Routes")
            .because("Helidon route classes must never read as application services");

    @ArchTest
    public static final ArchRule ONLY_BOOTSTRAP_WIRES_BOTH_ADAPTERS = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should(dependOnBothAdapters())
            .because("bootstrap is the only place that knows every piece");

    @ArchTest
    public static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("wiring sits on top; nothing may reach back into it");

    private static final Pattern MESSAGE_NAME = Pattern.compile(".+(Command|Query|Error|Fields|Changes)");

    private static DescribedPredicate<JavaClass> useCaseInterface() {
        return DescribedPredicate.describe("an interface named *UseCase",
                c -> c.isInterface() && !c.isSealed() && c.getSimpleName().endsWith("UseCase"));
    }

    /** A final class whose constructors are all private: made only by its own static check. */
    private static DescribedPredicate<JavaClass> grant() {
        return DescribedPredicate.describe("a final class made only by its own check (private constructors)",
                c -> c.getModifiers().contains(JavaModifier.FINAL)
                        && !c.isRecord() && !c.isInterface() && !c.getConstructors().isEmpty()
                        && c.getConstructors().stream().allMatch(k -> k.getModifiers()
                        .contains(JavaModifier.PRIVATE)));
    }

    private static DescribedPredicate<JavaClass> useCaseBundle() {
        return DescribedPredicate.describe("a record named *UseCases",
                c -> c.isRecord() && c.getSimpleName().endsWith("UseCases"));
    }

    private static DescribedPredicate<JavaClass> useCaseMessage() {
        return DescribedPredicate.describe("a record or sealed type named *Command, *Query, *Error, *Fields or *Changes",
                c -> (c.isRecord() || c.isSealed()) && MESSAGE_NAME.matcher(c.getSimpleName()).matches());
    }

    private static ArchCondition<JavaClass> dependOnBothAdapters() {
        DescribedPredicate<JavaClass> http = resideInAPackage(HTTP);
        DescribedPredicate<JavaClass> persistence = resideInAPackage(PERSISTENCE);
        return new ArchCondition<>("depend on both the HTTP and the persistence adapter") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean both = item.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                        .anyMatch(http) && item.getDirectDependenciesFromSelf().stream()
                        .map(Dependency::getTargetClass).anyMatch(persistence);
                events.add(new SimpleConditionEvent(item, both,
                        item.getName() + (both ? " depends" : " does not depend") + " on both adapters"));
            }
        };
    }
}

package org.clientele.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clientele.soapui.SoapUiProject;
import org.clientele.soapui.SoapUiRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the testers' SoapUI project (src/test/soapui/clientele-soapui-project.xml) against the deployed WAR in every
 * build: one dynamic test per SoapUI test case, grouped by test suite, so a failure names suite, case, step and assertion.
 */
class SoapUiProjectIT {
    static final Path PROJECT = Path.of(System.getProperty("basedir", "."), "src", "test", "soapui", "clientele-soapui-project.xml");

    @TestFactory
    Stream<DynamicNode> soapUiProject() throws Exception {
        SoapUiProject project = SoapUiProject.read(PROJECT);
        // The build's server and test users replace the project defaults that testers use.
        SoapUiRunner runner = new SoapUiRunner(project, Map.of(
                "endpoint", Clientele.URL,
                "password", Clientele.PASSWORD,
                "readonlyPassword", Clientele.PASSWORD,
                "agentPassword", Clientele.PASSWORD,
                "marketingPassword", Clientele.PASSWORD,
                "adminPassword", Clientele.PASSWORD));
        List<DynamicNode> suites = new ArrayList<>();
        for (SoapUiProject.TestSuite suite : project.suites) {
            List<DynamicNode> cases = new ArrayList<>();
            for (SoapUiProject.TestCase testCase : suite.cases) {
                cases.add(DynamicTest.dynamicTest(testCase.name, () -> {
                    runner.run(suite, testCase);
                    // one line per SoapUI test case in the build output, so a reader sees what ran where
                    System.out.println("[SoapUI] passed " + suite.name + " / " + testCase.name + " against " + Clientele.URL);
                }));
            }
            suites.add(DynamicContainer.dynamicContainer(suite.name, cases));
        }
        return suites.stream();
    }
}

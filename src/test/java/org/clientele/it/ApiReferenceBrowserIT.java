package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CreateCustomersResponse;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.NewCustomer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The API reference at /clientele/docs/ in a real browser (headless Chromium driven by chromedriver): the index lists
 * every service of wsdl/, every service page lists every operation of its WSDL, and "try it" sends a getCustomers
 * request signed in the browser and shows the customer this test created. Skips when Chromium is not installed.
 */
class ApiReferenceBrowserIT {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    private static final String SOAP11_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        Path chromium = executable("chromium", "chromium-browser", "google-chrome");
        Path chromedriver = executable("chromedriver");
        Assumptions.assumeTrue(chromium != null && chromedriver != null,
                "SKIPPED: Chromium and chromedriver are not installed (Debian: apt-get install -y chromium chromium-driver);"
                        + " the browser test of the API reference did not run");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void indexListsEveryService() throws Exception {
        browser.get(Clientele.URL + "/clientele/docs/");
        Set<String> listed = browser.findElements(By.cssSelector("tr.service")).stream()
                .map(e -> e.getDomAttribute("data-service")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(servicesOfTheContract().keySet(), listed, "services on the index page");
        for (WebElement link : browser.findElements(By.cssSelector("tr.service td:first-child a"))) {
            assertTrue(link.getDomProperty("href").endsWith("/clientele/docs/" + link.getText() + ".html"), link.getDomProperty("href"));
        }
        screenshot("api-reference-index.png");
    }

    @Test
    void everyServicePageListsEveryOperationOfItsWsdl() throws Exception {
        for (var service : servicesOfTheContract().entrySet()) {
            browser.get(Clientele.URL + "/clientele/docs/" + service.getKey() + ".html");
            assertEquals(service.getKey(), browser.findElement(By.cssSelector("h1")).getText());
            Set<String> listed = browser.findElements(By.cssSelector("section.operation")).stream()
                    .map(e -> e.getDomAttribute("data-operation")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(service.getValue(), listed, "operations on the page of " + service.getKey());
            for (String operation : service.getValue()) {
                WebElement section = browser.findElement(By.id("op-" + operation));
                assertFalse(section.findElements(By.cssSelector("ul.tree.request li")).isEmpty(), operation + ": request tree");
                assertFalse(section.findElements(By.cssSelector("ul.tree.response li")).isEmpty(), operation + ": response tree");
                assertTrue(section.findElement(By.cssSelector("pre.sample")).getText().contains("soapenv:Envelope"), operation + ": sample");
            }
        }
        browser.get(Clientele.URL + "/clientele/docs/CustomerService.html");
        screenshot("api-reference-customer-service.png");
    }

    @Test
    void tryItOnGetCustomersReturnsTheCustomerThisTestCreated() throws Exception {
        String name = "Browser Try-It " + UUID.randomUUID();
        long id = createCustomer(name);

        browser.get(Clientele.URL + "/clientele/docs/CustomerService.html");
        type(browser.findElement(By.id("tryit-user")), Clientele.READONLY);
        type(browser.findElement(By.id("tryit-password")), Clientele.PASSWORD);
        WebElement panel = browser.findElement(By.cssSelector("details.tryit[data-operation='getCustomers']"));
        panel.findElement(By.tagName("summary")).click();
        WebElement body = panel.findElement(By.cssSelector("textarea.tryit-body"));
        assertTrue(body.getDomProperty("value").contains("getCustomers"), "the sample body is prefilled");
        type(body, "<cu:getCustomers xmlns:cu=\"urn:clientele:crm:customer:v1\"><cu:id>" + id + "</cu:id></cu:getCustomers>");
        panel.findElement(By.cssSelector("button.tryit-send")).click();

        String status = awaitStatus(panel);
        String response = panel.findElement(By.cssSelector("pre.tryit-response")).getText();
        assertEquals("200", status, response);
        assertTrue(response.contains(name), response);
        assertTrue(response.contains(">" + id + "</"), response);
        assertTrue(panel.findElement(By.cssSelector(".tryit-status")).getText().matches("HTTP 200.* \\d+ ms"),
                panel.findElement(By.cssSelector(".tryit-status")).getText());
        screenshot("api-reference-try-it.png");

        // the digest is checked by the server: a wrong password is refused, and the page shows the fault
        type(browser.findElement(By.id("tryit-password")), "not-the-password");
        panel.findElement(By.cssSelector("button.tryit-send")).click();
        assertEquals("500", awaitStatus(panel));
        String refused = panel.findElement(By.cssSelector("pre.tryit-response")).getText();
        assertTrue(refused.contains("Fault"), refused);
        assertFalse(refused.contains(name), refused);
    }

    private static long createCustomer(String name) throws Exception {
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.ORGANIZATION);
        data.setName(name);
        NewCustomer item = new NewCustomer();
        item.setClientRef("browser-1");
        item.setData(data);
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(item);
        CreateCustomersResponse created = Clientele.customers(Clientele.INTEGRATION).createCustomers(request);
        assertTrue(created.getResult().get(0).isSuccess(), () -> created.getResult().get(0).getError().toString());
        return created.getResult().get(0).getId();
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the try-it panel reports an outcome (its data-status attribute), at most 30 seconds. */
    private static String awaitStatus(WebElement panel) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            String status = panel.getDomAttribute("data-status");
            if (status != null && !status.isEmpty()) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no response shown within 30 s: " + panel.findElement(By.cssSelector(".tryit-status")).getText());
    }

    private static void screenshot(String file) throws Exception {
        Files.createDirectories(TARGET);
        Files.write(TARGET.resolve(file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Service name to operation names, for every SOAP 1.1 service of wsdl/ (read from the contract files). */
    static TreeMap<String, Set<String>> servicesOfTheContract() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        TreeMap<String, Set<String>> services = new TreeMap<>();
        List<Path> wsdls;
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("basedir", ".")).resolve("wsdl"))) {
            wsdls = s.filter(p -> p.toString().endsWith(".wsdl")).sorted().toList();
        }
        for (Path wsdl : wsdls) {
            Document doc = factory.newDocumentBuilder().parse(wsdl.toFile());
            NodeList list = doc.getElementsByTagNameNS(WSDL_NS, "service");
            for (int i = 0; i < list.getLength(); i++) {
                Element service = (Element) list.item(i);
                if (service.getElementsByTagNameNS(SOAP11_NS, "address").getLength() == 0 || service.getAttribute("name").endsWith("X509")
                        || service.getAttribute("name").endsWith("Listener")) {
                    continue;
                }
                Set<String> operations = new TreeSet<>();
                NodeList bindings = doc.getElementsByTagNameNS(WSDL_NS, "binding");
                for (int b = 0; b < bindings.getLength(); b++) {
                    for (var n = bindings.item(b).getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element op && "operation".equals(op.getLocalName())) {
                            operations.add(op.getAttribute("name"));
                        }
                    }
                }
                services.put(service.getAttribute("name"), operations);
            }
        }
        assertFalse(services.isEmpty(), "no SOAP 1.1 service in wsdl/");
        return services;
    }

    private static Path executable(String... names) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            dirs.add(Path.of(dir));
        }
        dirs.add(Path.of("/usr/lib/chromium"));
        for (String name : names) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}

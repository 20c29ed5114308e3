package org.clientele.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample listener the docs point to (samples/listener) compiles against the classes generated from the contract. */
class SampleListenerTest {

    @Test
    void theSampleListenerCompilesAgainstTheGeneratedContract(@TempDir Path out) throws Exception {
        Path source = Path.of("samples", "listener", "ErpChangeListener.java");
        assertTrue(Files.exists(source), source + " exists");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();
        assertTrue(ok, errors::toString);
        assertEquals(true, Files.exists(out.resolve("com/example/erp/ErpChangeListener.class")));
    }
}

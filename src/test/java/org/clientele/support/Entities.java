package org.clientele.support;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every JPA entity of the application, found the way the server finds them: by scanning the compiled main classes
 * for {@code @Entity}, so a new feature's entities need no list to be kept by hand.
 */
public final class Entities {

    private Entities() {
    }

    /** The entity classes under {@code org.clientele}, sorted by name. */
    public static List<Class<?>> all() {
        URL marker = Entities.class.getClassLoader().getResource("META-INF/persistence.xml");
        if (marker == null) {
            throw new IllegalStateException("META-INF/persistence.xml is not on the class path");
        }
        try {
            Path root = Paths.get(marker.toURI()).getParent().getParent();
            try (Stream<Path> files = Files.walk(root.resolve("org/clientele"))) {
                List<Class<?>> entities = files.map(root::relativize).map(Path::toString)
                        .filter(p -> p.endsWith(".class") && !p.contains("$"))
                        .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                        .sorted()
                        .<Class<?>>map(Entities::load)
                        .filter(c -> c.isAnnotationPresent(Entity.class))
                        .toList();
                if (entities.isEmpty()) {
                    throw new IllegalStateException("no @Entity class found under " + root);
                }
                return entities;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Entities.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

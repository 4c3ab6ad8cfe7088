package app.todo.adapter.out.persistence.jooq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps an embedded database's files readable by their owner only: they hold password hashes and the
 * service's private signing key, and H2 creates them with the process's umask (usually world-readable
 * 0644). The directory is made 0700 and every database file 0600. On file systems without POSIX
 * permissions (Windows) nothing is changed.
 */
final class OwnerOnlyFiles {

    private static final String FILE_PREFIX = "jdbc:h2:file:";

    private OwnerOnlyFiles() {
    }

    /** The directory and base name of an H2 file URL ({@code jdbc:h2:file:/data/todo;…} → {@code /data/todo}). */
    static Optional<Path> h2FileBase(String jdbcUrl) {
        if (!jdbcUrl.startsWith(FILE_PREFIX)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(FILE_PREFIX.length());
        int semicolon = rest.indexOf(';');
        return Optional.of(Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)));
    }

    /**
     * Before the database opens: a directory it has to create is made 0700. An existing directory is
     * left as it is (it may be shared, such as {@code /tmp}); the files themselves are restricted after.
     */
    static void prepareDirectory(Path base) {
        Path directory = base.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded database directory " + directory, e);
        }
    }

    /** After the database opened: its files ({@code todo.mv.db}, {@code todo.trace.db}, …) are 0600. */
    static void restrictFiles(Path base) {
        Path directory = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the embedded database files in " + directory, e);
        }
    }
}

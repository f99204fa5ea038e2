package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The simulated ORK's state on disk ({@code <dataDir>/sim/<orkId>.json}): written whole to a temporary file and
 * moved over the old one, so a crash leaves either the old or the new state, never half of one.
 */
final class StateFile {
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    private final Path file;
    private final ObjectMapper json;

    StateFile(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    Path path() {
        return file;
    }

    /** The saved state, or null when there is none. An unreadable file is set aside and the ORK starts fresh. */
    @SuppressWarnings("unchecked")
    Map<String, Object> load() {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            Object state = json.readValue(file.toFile(), Object.class);
            if (state instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw new IOException("not a JSON object");
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("cannot set aside unreadable sim state " + file, moveFailed);
            }
            LOG.warn("Simulated ORK state {} was unreadable ({}); moved to {} and starting fresh", file,
                    e.getMessage(), aside);
            return null;
        }
    }

    /** The gateway's data folder is owner-only (0700), and so is what it keeps in it: the temporary file is 0600. */
    private static void createOwnerOnlyFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            if (Files.getFileAttributeView(folder.getParent(), PosixFileAttributeView.class) != null) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // another ORK of this gateway made it first
        }
    }

    void save(Map<String, Object> state) {
        try {
            createOwnerOnlyFolder(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                json.writeValue(tmp.toFile(), state);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sim state " + file, e);
        }
    }
}

package dev.docent.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database gets a random password, kept beside it in
 * {@code <database>.password} (owner-only), instead of {@code sa} with none: its
 * auto-server listens (on loopback) for the one-off commands, which read the same file. A
 * database created without a password is given one on the first start that finds no
 * password file.
 */
@Component
class EmbeddedDatabasePassword implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabasePassword.class);

    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith(H2_FILE)
                && (dataSource.getPassword() == null || dataSource.getPassword().isEmpty())) {
            dataSource.setPassword(password(dataSource.getJdbcUrl(), dataSource.getUsername()));
        }
        return bean;
    }

    private static String password(String url, String user) {
        String database = url.substring(H2_FILE.length()).split(";", 2)[0];
        Path file = Path.of(database + ".password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String password = random();
            if (Files.exists(Path.of(database + ".mv.db"))) {
                setPassword(url, user, password);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // the data directory too, when this start creates it: it is its owner's
                // alone from the first write
                Files.createDirectories(file.toAbsolutePath().getParent(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            else {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, password, StandardCharsets.US_ASCII);
            return password;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot keep the embedded database's password in " + file, e);
        }
    }

    /** A database made before passwords were: it still opens with none, once. */
    private static void setPassword(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement
                .execute("ALTER USER " + connection.getMetaData().getUserName() + " SET PASSWORD '" + password + "'");
            log.info("The embedded database has a password now, kept in {}.password",
                    url.substring(H2_FILE.length()).split(";", 2)[0]);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot give the embedded database a password: " + e.getMessage(), e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}

package app.todo.bootstrap;

import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract §2: with AUTH_SECRET set, private keys are encrypted at rest; a changed AUTH_SECRET never stops
 * the service: the key it cannot decrypt is retired (its tokens still verify during the grace) and a new
 * key signs.
 */
class SigningKeyEncryptionEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChangedSecretRetiresTheKeyItCannotReadAndTheServiceGoesOn() throws Exception {
        DatabaseConfig database = TestPostgres.newDatabase();
        String url = RunningService.databaseUrl(database);
        String email = "keys-" + UUID.randomUUID() + "@example.com";
        String firstToken;
        String userId;
        try (RunningService first = RunningService.start(Map.of("DATABASE_URL", url,
                "AUTH_SECRET", "the first secret, thirty-two bytes or more"))) {
            JsonNode signedUp = JSON.readTree(first.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + email + "\",\"password\":\"a good password\"}").body());
            firstToken = signedUp.get("token").asText();
            userId = signedUp.get("user").get("id").asText();
        }
        List<String> stored = privateKeyColumn(database);
        assertEquals(1, stored.size());
        assertTrue(stored.getFirst().startsWith("aes-gcm-v1:"), "encrypted at rest");

        try (RunningService second = RunningService.start(Map.of("DATABASE_URL", url,
                "AUTH_SECRET", "a second secret, also thirty-two bytes long"))) {
            assertEquals(200, second.send("GET", "/api/" + userId + "/tasks", firstToken, null).statusCode(),
                    "a token of the retired key verifies during the grace");
            JsonNode signedIn = JSON.readTree(second.send("POST", "/api/auth/sign-in", null,
                    "{\"email\":\"" + email + "\",\"password\":\"a good password\"}").body());
            String newToken = signedIn.get("token").asText();
            assertNotEquals(kid(firstToken), kid(newToken), "a new key signs");
            assertEquals(200, second.send("GET", "/api/" + userId + "/tasks", newToken, null).statusCode());
            assertEquals(2, JSON.readTree(second.send("GET", "/api/auth/jwks", null, null).body()).get("keys").size());
        }
    }

    private static String kid(String token) throws Exception {
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        return JSON.readTree(header).get("kid").asText();
    }

    private static List<String> privateKeyColumn(DatabaseConfig database) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet rows = connection.createStatement().executeQuery("select private_key from signing_keys")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

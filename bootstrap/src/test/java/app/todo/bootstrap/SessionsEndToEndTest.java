package app.todo.bootstrap;

import app.todo.application.testing.Polling;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Own-account sessions through the real wiring on PostgreSQL, across two instances. */
class SessionsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aSignOutOnOneInstanceIsRefusedOnTheOtherWithinFiveSecondsAndRefreshRotatesAcrossThem() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()));
        try (RunningService a = RunningService.start(env); RunningService b = RunningService.start(env)) {
            String email = "s-" + UUID.randomUUID() + "@example.com";
            JsonNode signedUp = json(a.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"));
            String token = signedUp.get("token").asText();
            assertEquals(200, b.send("GET", "/api/auth/me", token, null).statusCode(), "B accepts A's token");

            // Two tabs sharing the refresh token refresh at the same moment, through two instances: both carry on
            // (a replay after the grace ends the session: the contract and SessionRoutesTest, on a clock they move).
            String shared = signedUp.get("refresh_token").asText();
            JsonNode refreshed = json(b.send("POST", "/api/auth/refresh", null, "{\"refresh_token\":\"" + shared + "\"}"));
            HttpResponse<String> secondTab = a.send("POST", "/api/auth/refresh", null,
                    "{\"refresh_token\":\"" + shared + "\"}");
            assertEquals(200, secondTab.statusCode(), secondTab.body());
            assertEquals(200, a.send("GET", "/api/auth/me", refreshed.get("token").asText(), null).statusCode());
            assertEquals(200, b.send("GET", "/api/auth/me", json(secondTab).get("token").asText(), null).statusCode());

            JsonNode again = json(a.send("POST", "/api/auth/sign-in", null,
                    "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"));
            String fresh = again.get("token").asText();
            assertEquals(200, b.send("GET", "/api/auth/me", fresh, null).statusCode());
            assertEquals(204, a.send("POST", "/api/auth/sign-out", fresh, null).statusCode());
            assertEquals(401, a.send("GET", "/api/auth/me", fresh, null).statusCode(), "at once where it happened");
            // B remembered the session as alive for at most 5 s: a 25 s cache would fail this bound.
            Polling.await(Duration.ofSeconds(7), "B refuses the signed-out session",
                    () -> b.send("GET", "/api/auth/me", fresh, null).statusCode() == 401);
        }
    }
}

package app.todo.adapter.out.token;

import java.time.Clock;

/** Claims JSON for test tokens: issued now, valid for 15 minutes, plus whatever {@code extra} adds. */
final class TokenJson {

    private TokenJson() {
    }

    static String claims(Clock clock, String sub, String extra) {
        long now = clock.instant().getEpochSecond();
        return "{\"sub\":\"" + sub + "\",\"iat\":" + now + ",\"exp\":" + (now + 900) + extra + "}";
    }
}

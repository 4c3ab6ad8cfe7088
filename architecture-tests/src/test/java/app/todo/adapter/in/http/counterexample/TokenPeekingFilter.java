package app.todo.adapter.in.http.counterexample;

import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;

/** Counterexample: the HTTP edge reading a token's claims itself instead of asking the token adapter. */
public final class TokenPeekingFilter {

    public static String subject(String bearer) throws ParseException {
        return SignedJWT.parse(bearer).getJWTClaimsSet().getSubject();
    }
}

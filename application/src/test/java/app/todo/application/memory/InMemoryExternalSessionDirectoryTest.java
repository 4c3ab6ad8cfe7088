package app.todo.application.memory;

import app.todo.application.port.out.ExternalSessionDirectory;
import app.todo.application.port.out.ExternalSessionDirectory.ExternalSession;
import app.todo.application.port.out.ExternalSessionDirectoryContract;

import java.util.UUID;

class InMemoryExternalSessionDirectoryTest extends ExternalSessionDirectoryContract {

    @Override
    protected Provider provider() {
        InMemoryExternalSessionDirectory directory = new InMemoryExternalSessionDirectory();
        return new Provider() {
            @Override
            public ExternalSessionDirectory directory() {
                return directory;
            }

            @Override
            public String signIn(String userId, String email, String role, boolean banned) {
                String token = UUID.randomUUID().toString().replace("-", "");
                directory.put(token, new ExternalSession(userId, email, null, role, banned, null));
                return token;
            }

            @Override
            public void signOut(String token) {
                directory.remove(token);
            }

            @Override
            public void goAway() {
                directory.goAway();
            }
        };
    }
}

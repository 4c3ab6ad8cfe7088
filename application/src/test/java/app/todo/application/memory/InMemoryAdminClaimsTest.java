package app.todo.application.memory;

import app.todo.application.port.out.AdminClaims;
import app.todo.application.port.out.AdminClaimsContract;

class InMemoryAdminClaimsTest extends AdminClaimsContract {

    @Override
    protected AdminClaims newClaims() {
        return new InMemoryAdminClaims();
    }
}

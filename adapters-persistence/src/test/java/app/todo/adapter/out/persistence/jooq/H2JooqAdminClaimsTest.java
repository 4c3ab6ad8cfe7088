package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.AdminClaims;
import app.todo.application.port.out.AdminClaimsContract;

class H2JooqAdminClaimsTest extends AdminClaimsContract {

    @Override
    protected AdminClaims newClaims() {
        return SharedTestDatabases.h2().adminClaims();
    }
}

package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.AdminClaims;
import app.todo.application.port.out.AdminClaimsContract;

class PostgresJooqAdminClaimsTest extends AdminClaimsContract {

    @Override
    protected AdminClaims newClaims() {
        return SharedTestDatabases.postgres().adminClaims();
    }
}

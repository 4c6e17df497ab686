package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The table {@code organizations}. */
@ApplicationScoped
public class Organizations {
    private static final String SELECT = "select id, slug, name, credit_balance, member_limit,"
            + " max_runtime_limit_seconds, default_runtime_limit_seconds, created_at from organizations";

    private final Rows rows;

    Organizations(Rows rows) {
        this.rows = rows;
    }

    public Optional<Organization> byId(UUID id) {
        return rows.first(SELECT + " where id = ?", Organizations::read, id);
    }

    public Optional<Organization> bySlug(String slug) {
        return rows.first(SELECT + " where slug = ?", Organizations::read, slug);
    }

    public void insert(Organization org) {
        rows.update(
                "insert into organizations (id, slug, name, credit_balance, member_limit, max_runtime_limit_seconds,"
                        + " default_runtime_limit_seconds, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                org.id,
                org.slug,
                org.name,
                org.creditBalance,
                org.memberLimit,
                org.maxRuntimeLimitSeconds,
                org.defaultRuntimeLimitSeconds,
                Rows.timestamp(org.createdAt));
    }

    /** Writes the organization's settings. */
    public void update(Organization org) {
        rows.update(
                "update organizations set credit_balance = ?, member_limit = ?, max_runtime_limit_seconds = ?,"
                        + " default_runtime_limit_seconds = ? where id = ?",
                org.creditBalance,
                org.memberLimit,
                org.maxRuntimeLimitSeconds,
                org.defaultRuntimeLimitSeconds,
                org.id);
    }

    /** Takes the credits from the balance, when the organization is metered. */
    public void debit(UUID id, long credits) {
        rows.update(
                "update organizations set credit_balance = credit_balance - ? where id = ? and credit_balance is not null",
                credits,
                id);
    }

    private static Organization read(ResultSet rs) throws SQLException {
        Organization org = new Organization();
        org.id = rs.getObject(1, UUID.class);
        org.slug = rs.getString(2);
        org.name = rs.getString(3);
        org.creditBalance = rs.getObject(4, Long.class);
        org.memberLimit = rs.getObject(5, Integer.class);
        org.maxRuntimeLimitSeconds = rs.getObject(6, Long.class);
        org.defaultRuntimeLimitSeconds = rs.getObject(7, Long.class);
        org.createdAt = Rows.instant(rs, 8);
        return org;
    }
}

package io.murmur.notification.inbox;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Conversions between Java values and PostgreSQL parameters and columns.
 */
final class Sql {

	private Sql() {
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static SqlParameterValue bigint(@Nullable Long value) {
		return new SqlParameterValue(Types.BIGINT, value);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static List<Long> longs(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		List<Long> values = new ArrayList<>();
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				values.add(((Number) value).longValue());
			}
		}
		return values;
	}

	static NotificationType type(ResultSet rs, String column) throws SQLException {
		String id = rs.getString(column);
		return NotificationType.forId(id)
			.orElseThrow(() -> new IllegalStateException("Unknown notification type in the database: " + id));
	}

}

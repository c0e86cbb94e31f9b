package io.murmur.reliability.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.openapi.Operation;

/**
 * The auth matrix of a list of operations: every operation that needs a user's token,
 * with every {@link BadToken} and with a service's token, at the gateway or at its
 * service directly. Built from the operations the services publish, so that a new route
 * is in the matrix as soon as it is documented.
 */
public final class AuthMatrix {

	/** The public operations: the only ones a request without a user token may reach. */
	public static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/register", "POST /api/v1/auth/login",
			"POST /api/v1/auth/refresh");

	private AuthMatrix() {
	}

	/**
	 * Whether an operation needs a user token.
	 * @param operation the operation
	 * @return whether it needs one
	 */
	public static boolean isProtected(Operation operation) {
		return !PUBLIC.contains(operation.method() + " " + operation.path());
	}

	/**
	 * The cells of the matrix.
	 * @param operations the operations
	 * @param gateway whether the requests go through the gateway (else to the service)
	 * @param badTokens the token of each kind, {@code null} for {@link BadToken#NONE}
	 * @param serviceToken a service's own token
	 * @return the cells
	 */
	public static List<AuthCase> cases(List<Operation> operations, boolean gateway,
			Function<BadToken, @Nullable String> badTokens, String serviceToken) {
		List<AuthCase> cases = new ArrayList<>();
		String where = gateway ? "gateway" : "service";
		for (Operation operation : operations) {
			if (!isProtected(operation)) {
				continue;
			}
			for (BadToken kind : BadToken.values()) {
				cases.add(new AuthCase(request(operation).withToken(badTokens.apply(kind)), Set.of(401), kind.name(),
						operation + " at the " + where + " with " + kind));
			}
			cases.add(new AuthCase(request(operation).withToken(serviceToken), gateway ? Set.of(401) : Set.of(403),
					AuthCase.SERVICE_TOKEN, operation + " at the " + where + " with a service token"));
		}
		return cases;
	}

	private static RawRequest request(Operation operation) {
		String target = operation.pathWith("1");
		if (operation.isMultipart()) {
			return new RawRequest(operation.method(), target,
					java.util.Map.of("Content-Type", "multipart/form-data; boundary=b"),
					"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nx\r\n--b--\r\n"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"auth");
		}
		boolean body = !operation.method().equals("GET") && !operation.method().equals("DELETE");
		return RawRequest.json(operation.method(), target, body ? "{}" : null, "auth");
	}

}

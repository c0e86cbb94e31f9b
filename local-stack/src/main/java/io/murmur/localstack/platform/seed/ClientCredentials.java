package io.murmur.localstack.platform.seed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A service client of user-service's token endpoint: with it the seeding gets the service
 * token that the import endpoints of user-service and graph-service ask for. The platform
 * daemon registers one for each run and keeps it in
 * {@code .platform/service-client.properties}, readable by its owner only, the one place
 * a later {@code ./platform seed} can find it; the file goes with the run.
 *
 * @param clientId the client id
 * @param clientSecret its secret
 */
public record ClientCredentials(String clientId, String clientSecret) {

	/** The file in the platform directory. */
	public static final String FILE_NAME = "service-client.properties";

	private static final String ID = "client-id";

	private static final String SECRET = "client-secret";

	/**
	 * Keeps the credentials in the platform directory for the run.
	 * @param platformDir the platform directory, {@code .platform}
	 */
	public void save(Path platformDir) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(ID, this.clientId);
		values.put(SECRET, this.clientSecret);
		PrivateFiles.write(platformDir.resolve(FILE_NAME),
				"The service client of this platform run, for ./platform seed; gone with the run.", values);
	}

	/**
	 * The credentials the running platform keeps.
	 * @param platformDir the platform directory, {@code .platform}
	 * @return the credentials, or empty if no platform with user-service runs
	 */
	public static Optional<ClientCredentials> load(Path platformDir) {
		return PrivateFiles.read(platformDir.resolve(FILE_NAME))
			.filter((properties) -> properties.getProperty(ID) != null && properties.getProperty(SECRET) != null)
			.map((properties) -> new ClientCredentials(properties.getProperty(ID), properties.getProperty(SECRET)));
	}

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + this.clientId + ", clientSecret=(hidden)]";
	}

}

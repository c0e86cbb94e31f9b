package io.murmur.localstack.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.jspecify.annotations.Nullable;

import io.murmur.localstack.StoreStartException;

/**
 * Resolves store artifacts from Maven Central into the local Maven repository, once.
 * <p>
 * A resolved classpath is remembered in a small file keyed by its coordinates; later runs
 * read that file and touch neither the network nor the dependency graph, as long as every
 * jar it names still exists.
 */
public final class Artifacts {

	private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

	private final Path classpathCache;

	private @Nullable RepositorySystem system;

	private @Nullable DefaultRepositorySystemSession session;

	public Artifacts(Path classpathCache) {
		this.classpathCache = classpathCache;
	}

	/**
	 * The runtime classpath of the given root artifacts, resolved together so that
	 * versions are mediated among them (declare e.g. {@code org.slf4j:slf4j-api:2.0.17}
	 * next to a server to win over an older transitive one).
	 * @param coordinates {@code groupId:artifactId[:extension[:classifier]]:version}
	 * @return jar files
	 */
	public List<Path> classpath(String... coordinates) {
		Path cacheFile = this.classpathCache.resolve(key(coordinates) + ".classpath");
		Optional<List<Path>> cached = readCache(cacheFile);
		if (cached.isPresent()) {
			return cached.get();
		}
		CollectRequest collect = new CollectRequest();
		for (String coordinate : coordinates) {
			collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
		}
		collect.setRepositories(List.of(central()));
		DependencyRequest request = new DependencyRequest(collect,
				DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
		try {
			List<Path> jars = system().resolveDependencies(session(), request)
				.getArtifactResults()
				.stream()
				.map(ArtifactResult::getArtifact)
				.map((artifact) -> artifact.getFile().toPath().toAbsolutePath())
				.toList();
			writeCache(cacheFile, jars);
			return jars;
		}
		catch (DependencyResolutionException ex) {
			throw new StoreStartException(
					"Could not resolve " + String.join(", ", coordinates) + " from " + CENTRAL + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * One artifact file, without its dependencies: a zip distribution, a self-contained
	 * jar, a jar of native binaries.
	 * @param coordinate {@code groupId:artifactId[:extension[:classifier]]:version}
	 * @return the file in the local repository
	 */
	public Path artifact(String coordinate) {
		try {
			return system()
				.resolveArtifact(session(),
						new ArtifactRequest(new DefaultArtifact(coordinate), List.of(central()), null))
				.getArtifact()
				.getFile()
				.toPath()
				.toAbsolutePath();
		}
		catch (ArtifactResolutionException ex) {
			throw new StoreStartException(
					"Could not resolve " + coordinate + " from " + CENTRAL + ": " + ex.getMessage(), ex);
		}
	}

	private synchronized RepositorySystem system() {
		if (this.system == null) {
			this.system = new RepositorySystemSupplier().get();
		}
		return this.system;
	}

	private synchronized DefaultRepositorySystemSession session() {
		if (this.session == null) {
			DefaultRepositorySystemSession newSession = MavenRepositorySystemUtils.newSession();
			newSession.setSystemProperties(System.getProperties());
			newSession.setLocalRepositoryManager(
					system().newLocalRepositoryManager(newSession, new LocalRepository(localRepository().toFile())));
			this.session = newSession;
		}
		return this.session;
	}

	private static RemoteRepository central() {
		return new RemoteRepository.Builder("central", "default", CENTRAL).build();
	}

	private static Path localRepository() {
		String configured = System.getProperty("maven.repo.local");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	private static String key(String... coordinates) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] hash = digest.digest(String.join("\n", coordinates).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<List<Path>> readCache(Path cacheFile) {
		if (!Files.isRegularFile(cacheFile)) {
			return Optional.empty();
		}
		try {
			List<Path> jars = Files.readAllLines(cacheFile, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.isBlank())
				.map(Path::of)
				.toList();
			return (!jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile)) ? Optional.of(jars)
					: Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static void writeCache(Path cacheFile, List<Path> jars) {
		try {
			Files.createDirectories(cacheFile.getParent());
			Path temp = Files.createTempFile(cacheFile.getParent(), "classpath", ".tmp");
			Files.write(temp, jars.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
			Files.move(temp, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.murmur.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The versioned indices behind their aliases: created at start-up when an alias is
 * missing, a new version for a rebuild, and the atomic switch of an alias to it.
 * <p>
 * Writes go to the alias (with {@code require_alias}, so that a lost index is never
 * recreated by a write with a guessed mapping) and, while a rebuild runs on any replica,
 * to its {@code -building} alias too; each replica looks for those every second.
 */
@Component
public class Indices {

	private static final Log log = LogFactory.getLog(Indices.class);

	private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ElasticsearchClient client;

	private volatile Map<IndexKind, Boolean> building = new EnumMap<>(IndexKind.class);

	Indices(ElasticsearchClient client) {
		this.client = client;
		createMissing();
	}

	private void createMissing() {
		long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
		while (true) {
			try {
				for (IndexKind kind : IndexKind.values()) {
					if (current(kind) == null) {
						String index = create(kind, nextVersion(kind), false);
						aliases(List.of(add(index, kind.alias())));
						log.info("Created " + index + " behind the alias " + kind.alias());
					}
				}
				refreshBuilding();
				return;
			}
			catch (IOException | ElasticsearchException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not create the search indices", ex);
				}
				log.warn("Elasticsearch is not ready for the search indices yet: " + ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
	}

	/**
	 * The aliases a write of this kind goes to: the alias, and the building alias while a
	 * rebuild runs.
	 * @param kind the index kind
	 * @return the aliases
	 */
	public List<String> writeAliases(IndexKind kind) {
		return Boolean.TRUE.equals(this.building.get(kind)) ? List.of(kind.alias(), kind.buildingAlias())
				: List.of(kind.alias());
	}

	@Scheduled(fixedDelay = 1000)
	void refreshBuilding() {
		Map<IndexKind, Boolean> found = new EnumMap<>(IndexKind.class);
		try {
			for (IndexKind kind : IndexKind.values()) {
				found.put(kind, this.client.indices().existsAlias((e) -> e.name(kind.buildingAlias())).value());
			}
			this.building = found;
		}
		catch (IOException | ElasticsearchException ex) {
			log.debug("Could not look for rebuilds in progress", ex);
		}
	}

	/**
	 * The index an alias points at.
	 * @param kind the index kind
	 * @return the index, or {@code null} if the alias is missing
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	@Nullable String current(IndexKind kind) throws IOException {
		if (!this.client.indices().existsAlias((e) -> e.name(kind.alias())).value()) {
			return null;
		}
		Set<String> indices = this.client.indices().getAlias((g) -> g.name(kind.alias())).result().keySet();
		return indices.isEmpty() ? null : indices.iterator().next();
	}

	/**
	 * The version after the newest index of this kind.
	 * @param kind the index kind
	 * @return the next version number
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	int nextVersion(IndexKind kind) throws IOException {
		int newest = 0;
		for (String index : this.client.indices().get((g) -> g.index(kind.alias() + "-v*")).result().keySet()) {
			newest = Math.max(newest, kind.versionOf(index));
		}
		return newest + 1;
	}

	/**
	 * Creates a version of an index from its definition.
	 * @param kind the index kind
	 * @param version the version
	 * @param bulkLoad whether it is to be filled in bulk first: then it is not refreshed
	 * until {@link #finishBulkLoad} is called
	 * @return the index name
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	String create(IndexKind kind, int version, boolean bulkLoad) throws IOException {
		String name = kind.versionName(version);
		ObjectNode definition = (ObjectNode) read(kind.definition());
		ObjectNode settings = (ObjectNode) definition.get("settings");
		settings.set("analysis", read("elasticsearch/analysis.json"));
		if (bulkLoad) {
			settings.put("refresh_interval", "-1");
		}
		String json = JSON.writeValueAsString(definition);
		this.client.indices().create((c) -> c.index(name).withJson(new StringReader(json)));
		return name;
	}

	/**
	 * Makes a bulk-loaded index refresh as its definition says, and searchable now.
	 * @param kind the index kind
	 * @param index the index
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	void finishBulkLoad(IndexKind kind, String index) throws IOException {
		String interval = read(kind.definition()).get("settings").get("refresh_interval").asText();
		this.client.indices()
			.putSettings((p) -> p.index(index).settings((s) -> s.refreshInterval((t) -> t.time(interval))));
		this.client.indices().refresh((r) -> r.index(index));
	}

	/**
	 * Points the building alias at a new version, so that every replica writes to it too
	 * from its next look on; when the alias itself is missing (the index was lost), it
	 * points at the new version at once, as there is nothing older to read.
	 * @param kind the index kind
	 * @param index the new version
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	void startBuilding(IndexKind kind, String index) throws IOException {
		List<Action> actions = new ArrayList<>();
		actions.add(add(index, kind.buildingAlias()));
		if (current(kind) == null) {
			actions.add(add(index, kind.alias()));
		}
		aliases(actions);
		refreshBuilding();
	}

	/**
	 * Moves the alias to the new version and ends the rebuild, in one atomic change, then
	 * deletes the old version.
	 * @param kind the index kind
	 * @param index the new version
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	void switchTo(IndexKind kind, String index) throws IOException {
		String old = current(kind);
		List<Action> actions = new ArrayList<>();
		if (old != null && !old.equals(index)) {
			actions.add(Action.of((a) -> a.remove((r) -> r.index(old).alias(kind.alias()))));
		}
		if (!index.equals(old)) {
			actions.add(add(index, kind.alias()));
		}
		actions.add(Action.of((a) -> a.remove((r) -> r.index(index).alias(kind.buildingAlias()))));
		aliases(actions);
		refreshBuilding();
		if (old != null && !old.equals(index)) {
			this.client.indices().delete((d) -> d.index(old));
		}
	}

	private static Action add(String index, String alias) {
		return Action.of((a) -> a.add((add) -> add.index(index).alias(alias)));
	}

	private void aliases(List<Action> actions) throws IOException {
		this.client.indices().updateAliases((u) -> u.actions(actions));
	}

	private static com.fasterxml.jackson.databind.JsonNode read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

}

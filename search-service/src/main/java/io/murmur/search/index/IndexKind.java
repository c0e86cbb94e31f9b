package io.murmur.search.index;

/**
 * The indices of search-service. Each is read and written through its alias
 * ({@code posts}); behind it is a versioned index ({@code posts-v1}, {@code posts-v2},
 * ...) created from the definition in {@code elasticsearch/<alias>.json} with the shared
 * analysis of {@code elasticsearch/analysis.json}. While a rebuild fills a new version,
 * the alias {@code <alias>-building} points at it, and every write goes to both.
 */
public enum IndexKind {

	/** Posts and the tombstones of deleted posts. */
	POSTS("posts"),

	/** People, by handle and display name. */
	USERS("users"),

	/** Every hashtag ever used, for typeahead. */
	HASHTAGS("hashtags");

	private final String alias;

	IndexKind(String alias) {
		this.alias = alias;
	}

	/**
	 * The alias reads and writes go through.
	 * @return e.g. {@code posts}
	 */
	public String alias() {
		return this.alias;
	}

	/**
	 * The alias of the version a rebuild is filling.
	 * @return e.g. {@code posts-building}
	 */
	public String buildingAlias() {
		return this.alias + "-building";
	}

	String versionName(int version) {
		return this.alias + "-v" + version;
	}

	/**
	 * The version number of one of this kind's indices.
	 * @param index an index name
	 * @return its version, or 0 if it is not one of this kind's versions
	 */
	int versionOf(String index) {
		String prefix = this.alias + "-v";
		if (!index.startsWith(prefix)) {
			return 0;
		}
		try {
			return Integer.parseInt(index.substring(prefix.length()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	String definition() {
		return "elasticsearch/" + this.alias + ".json";
	}

}

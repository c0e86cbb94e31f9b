package io.murmur.localstack.graph;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An undirected friendship graph: its people by node id and who is a friend of whom. Each
 * friendship becomes a follow in both directions.
 */
public final class SocialGraph {

	private final NavigableMap<Integer, NavigableSet<Integer>> adjacency = new TreeMap<>();

	private int edges;

	private int selfLoops;

	private int duplicates;

	SocialGraph() {
	}

	void addNode(int node) {
		this.adjacency.computeIfAbsent(node, (key) -> new TreeSet<>());
	}

	void addEdge(int from, int to) {
		addNode(from);
		addNode(to);
		if (from == to) {
			this.selfLoops++;
		}
		else if (this.adjacency.get(from).add(to)) {
			this.adjacency.get(to).add(from);
			this.edges++;
		}
		else {
			this.duplicates++;
		}
	}

	/**
	 * The people, in node id order.
	 * @return the node ids
	 */
	public List<Integer> nodes() {
		return List.copyOf(this.adjacency.keySet());
	}

	/**
	 * A person's friends.
	 * @param node the node id
	 * @return the friends' node ids, in order
	 */
	public Set<Integer> neighbours(int node) {
		NavigableSet<Integer> neighbours = this.adjacency.get(node);
		return (neighbours != null) ? Collections.unmodifiableSet(neighbours) : Set.of();
	}

	public int degree(int node) {
		return neighbours(node).size();
	}

	/**
	 * The distinct friendships, self-loops and repeated pairs left out.
	 * @return the number of undirected edges
	 */
	public int edges() {
		return this.edges;
	}

	/**
	 * The follows the graph stands for: each friendship in both directions.
	 * @return twice the number of edges
	 */
	public int follows() {
		return 2 * this.edges;
	}

	public int selfLoops() {
		return this.selfLoops;
	}

	/**
	 * Lines that named a friendship already read, in either direction.
	 * @return the number of repeated pairs
	 */
	public int duplicates() {
		return this.duplicates;
	}

	/**
	 * The person with the most friends, the lowest id among equals.
	 * @return the node id
	 * @throws IllegalStateException if the graph is empty
	 */
	public int bestConnected() {
		return this.adjacency.keySet()
			.stream()
			.max(Comparator.comparingInt(this::degree).thenComparing(Comparator.reverseOrder()))
			.orElseThrow(() -> new IllegalStateException("The graph has no people"));
	}

}

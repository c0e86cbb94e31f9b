package io.murmur.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the plans Neo4j makes for the paging queries: a seek on a relationship index in
 * the order of the index, stopped by the limit. Such a plan reads one page of index
 * entries, however many follows a user has; a scan, a sort or a top-N would read them
 * all.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	public static void assertSeeksInIndexOrder(Driver driver, String query, Map<String, Object> parameters) {
		Plan plan;
		try (Session session = driver.session()) {
			plan = session.run("EXPLAIN " + query, parameters).consume().plan();
		}
		List<String> operators = new ArrayList<>();
		collect(plan, operators);
		assertThat(operators).as("plan of %s", query)
			.anySatisfy((operator) -> assertThat(operator).startsWith("DirectedRelationshipIndexSeek"))
			.anySatisfy((operator) -> assertThat(operator).startsWith("Limit"))
			.noneSatisfy((operator) -> assertThat(operator).containsAnyOf("Sort", "Top", "Scan"));
	}

	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType());
		plan.children().forEach((child) -> collect(child, operators));
	}

}

package io.murmur.localstack.platform.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names and posts for seeded people, varied but the same on every run: each person's are
 * drawn from a random source seeded with their node id, so that a re-run asks for the
 * same content.
 */
final class SeedContent {

	private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Chloe", "Dev", "Elena", "Felix", "Grace",
			"Hugo", "Iris", "Jonah", "Kira", "Leo", "Maya", "Nico", "Olive", "Priya", "Quinn", "Rosa", "Sam", "Theo",
			"Uma", "Victor", "Wren", "Xavi", "Yara", "Zoe", "Amir", "Bea", "Caleb", "Dana", "Eli", "Farah", "Gus",
			"Hana", "Ivan", "June", "Kai", "Lena", "Milo", "Nadia");

	private static final List<String> LAST_NAMES = List.of("Abbott", "Baker", "Castillo", "Dubois", "Eriksen",
			"Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor",
			"Patel", "Quintero", "Rossi", "Schmidt", "Tanaka", "Underwood", "Varga", "Walsh", "Xu", "Yilmaz", "Zimmer",
			"Novak", "Haddad", "Silva", "Murphy");

	private static final List<String> TOPICS = List.of("the thesis", "the library", "the canyon", "Commons",
			"the reactor tour", "Paideia", "Renn Fayre", "the Greek exam", "the physics lab", "the poetry reading",
			"the soccer game", "the ski trip", "the film society", "the chess club", "the orchestra rehearsal",
			"the organic chemistry final", "the philosophy seminar", "the coffee cart", "the dorm kitchen",
			"the bike co-op");

	private static final List<String> TAGS = List.of("reedlife", "thesis", "portland", "coffee", "finals", "rain",
			"books", "music", "science", "hiking", "food", "weekend", "study", "art", "campus");

	private static final List<String> TEMPLATES = List.of("Just got back from %1$s. Still thinking about it. #%2$s",
			"Who else is going to %1$s tonight? @%3$s you in?",
			"Third coffee of the day and %1$s is not done yet #%2$s",
			"Hot take: %1$s is the best part of the semester. Fight me. #%2$s",
			"@%3$s thanks for the notes from %1$s, you saved me",
			"Rain again. Perfect weather for %1$s, I suppose. #rain #%2$s",
			"Overheard at %1$s: \"it's not a bug, it's a feature\" #%2$s",
			"Reminder to self: never start %1$s at midnight. #%2$s",
			"Can't believe %1$s is already next week. Where did the term go?",
			"Found the quietest corner for %1$s. Not telling anyone where. #%2$s",
			"Someone left a very good sourdough at %1$s. Thank you, stranger. #food",
			"@%3$s are we still on for %1$s on Saturday? #weekend", "Day 12 of %1$s. Morale: surprisingly okay. #%2$s",
			"Spent the whole afternoon on %1$s and regret nothing #%2$s",
			"If you see me crying at %1$s, no you didn't. #%2$s",
			"Sunset over the canyon after %1$s. Worth the walk. #hiking",
			"New playlist for %1$s is up, suggestions welcome @%3$s #music",
			"%1$s went better than expected. Celebrating with noodles. #%2$s",
			"PSA: %1$s moved to the other room. Spread the word. #campus",
			"Reading week means %1$s all day and nothing else. #books #%2$s");

	private SeedContent() {
	}

	/**
	 * A plausible name to show for a person.
	 * @param node the person's node id
	 * @return a first and a last name
	 */
	static String displayName(int node) {
		SplittableRandom random = new SplittableRandom(node);
		return pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random);
	}

	/**
	 * One of a person's posts: a short text about campus life, with a hashtag or two and
	 * sometimes a mention of a friend.
	 * @param node the person's node id
	 * @param index which of their posts, from 0
	 * @param friendHandle the handle of a friend to mention
	 * @return the text, at most 280 characters
	 */
	static String post(int node, int index, String friendHandle) {
		SplittableRandom random = new SplittableRandom(node * 1_000L + index);
		String text = String.format(pick(TEMPLATES, random), pick(TOPICS, random), pick(TAGS, random), friendHandle);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String pick(List<String> values, SplittableRandom random) {
		return values.get(random.nextInt(values.size()));
	}

}

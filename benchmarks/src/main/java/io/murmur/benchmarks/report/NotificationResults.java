package io.murmur.benchmarks.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.murmur.benchmarks.notification.NotificationScenario;
import io.murmur.benchmarks.notification.NotificationScenario.Sample;

/**
 * What the notification scenario measured.
 *
 * @param settings how it ran
 * @param samples one per repetition
 */
public record NotificationResults(NotificationScenario settings, List<Sample> samples) {

	Spread spread(ToDoubleFunction<Sample> figure) {
		return Spread.of(this.samples.stream().mapToDouble(figure).boxed().toList());
	}

	Spread storedPerSecond() {
		return spread((sample) -> Math.round(sample.storedPerSecond()));
	}

	Spread firstPageP99() {
		return spread((sample) -> sample.firstPage().p99());
	}

	Spread unreadCountP99() {
		return spread((sample) -> sample.unreadCount().p99());
	}

	Spread streamLagP99() {
		return spread((sample) -> sample.streamLag().p99());
	}

}

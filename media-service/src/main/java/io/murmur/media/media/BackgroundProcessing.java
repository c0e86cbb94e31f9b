package io.murmur.media.media;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.murmur.media.config.MediaProperties;

/**
 * Runs the work that does not fit in a request (large images, video) on a few threads of
 * its own. An upload handed over here is leased by this replica; if the replica stops
 * before it is done, the lease runs out and the sweep of any replica takes it up, so no
 * accepted upload is forgotten.
 */
@Component
class BackgroundProcessing implements DisposableBean {

	private static final Log log = LogFactory.getLog(BackgroundProcessing.class);

	private final MediaProcessing processing;

	private final MediaRepository repository;

	private final MediaProperties.Processing properties;

	private final Clock clock;

	private final ExecutorService workers;

	BackgroundProcessing(MediaProcessing processing, MediaRepository repository, MediaProperties properties,
			Clock clock) {
		this.processing = processing;
		this.repository = repository;
		this.properties = properties.processing();
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(this.properties.workers(), (task) -> {
			Thread thread = new Thread(task, "media-processing-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Processes a media soon, once the current transaction (if any) has committed.
	 * @param id the media id, leased by this replica
	 */
	void submit(long id) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					execute(id);
				}

			});
		}
		else {
			execute(id);
		}
	}

	private void execute(long id) {
		try {
			this.workers.execute(() -> this.processing.processWaiting(id));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Media " + id + " left for the sweep: " + ex.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${murmur.media.processing.sweep-interval:30s}", initialDelayString = "5s")
	void sweep() {
		List<Long> leased = this.repository.leaseWork(this.clock.instant(),
				this.clock.instant().plus(this.properties.lease()), this.properties.workers() * 2);
		leased.forEach(this::execute);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.workers.shutdown();
		if (!this.workers.awaitTermination(20, TimeUnit.SECONDS)) {
			this.workers.shutdownNow();
		}
	}

}

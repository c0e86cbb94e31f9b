package io.murmur.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * notification-service: tells people when someone follows them, likes, reposts, replies
 * to, quotes or mentions them. It consumes post and graph events, keeps each user's
 * notifications grouped in PostgreSQL, serves them by page and live over server-sent
 * events, and pushes them to the user's webhook.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

}

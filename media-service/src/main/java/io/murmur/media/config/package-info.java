/**
 * Configuration: the service's properties, S3, the database's failures and scheduling.
 */
@NullMarked
package io.murmur.media.config;

import org.jspecify.annotations.NullMarked;

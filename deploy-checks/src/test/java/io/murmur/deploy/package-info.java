/**
 * Checks of the deployment files (compose, Kubernetes, Prometheus, Grafana) against each
 * other and against the services in the build.
 */
@NullMarked
package io.murmur.deploy;

import org.jspecify.annotations.NullMarked;

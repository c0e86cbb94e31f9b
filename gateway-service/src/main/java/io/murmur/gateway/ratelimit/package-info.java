@NullMarked
package io.murmur.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;

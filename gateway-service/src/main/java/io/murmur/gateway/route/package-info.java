@NullMarked
package io.murmur.gateway.route;

import org.jspecify.annotations.NullMarked;

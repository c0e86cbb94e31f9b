@NullMarked
package io.murmur.localstack.redis;

import org.jspecify.annotations.NullMarked;

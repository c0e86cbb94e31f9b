@NullMarked
package io.murmur.localstack.kafka;

import org.jspecify.annotations.NullMarked;

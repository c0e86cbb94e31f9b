@NullMarked
package io.murmur.localstack.elasticsearch;

import org.jspecify.annotations.NullMarked;

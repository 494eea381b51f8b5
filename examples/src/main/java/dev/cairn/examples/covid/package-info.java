/** Daily COVID-19 totals of US states, filtered to the state a configuration resource names. */
package dev.cairn.examples.covid;

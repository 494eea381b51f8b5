package dev.cairn.examples.iris;

import dev.cairn.examples.support.ColumnDescription;

/**
 * One flower of Fisher's iris data set.
 *
 * @param sepalLengthCm sepal length, in centimetres
 * @param sepalWidthCm sepal width, in centimetres
 * @param petalLengthCm petal length, in centimetres
 * @param petalWidthCm petal width, in centimetres
 * @param species the species: "Iris-setosa", "Iris-versicolor" or "Iris-virginica"
 */
public record IrisSample(
        @ColumnDescription("Sepal length, in cm") double sepalLengthCm,
        @ColumnDescription("Sepal width, in cm") double sepalWidthCm,
        @ColumnDescription("Petal length, in cm") double petalLengthCm,
        @ColumnDescription("Petal width, in cm") double petalWidthCm,
        @ColumnDescription("Iris-setosa, Iris-versicolor or Iris-virginica") String species) {
}

package org.autograd4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** {@code Dataset<Row>} to examples: the schema is read once on the driver, each row checked on its executor. */
final class RowExamples {
    private RowExamples() {
    }

    enum LabelKind { CLASS, SCALAR, VECTOR }

    static JavaRDD<Example> convert(Dataset<Row> rows, String featuresColumn, String labelColumn) {
        StructField f = field(rows, featuresColumn), l = field(rows, labelColumn);
        if (!(f.dataType() instanceof ArrayType a) || !numeric(a.elementType())) {
            throw new IllegalArgumentException("features column '" + featuresColumn
                    + "' must be an array of numbers, got " + f.dataType().simpleString());
        }
        DataType lt = l.dataType();
        LabelKind kind;
        if (integral(lt)) {
            kind = LabelKind.CLASS;
        } else if (lt.equals(DataTypes.FloatType) || lt.equals(DataTypes.DoubleType)) {
            kind = LabelKind.SCALAR;
        } else if (lt instanceof ArrayType la && numeric(la.elementType())) {
            kind = LabelKind.VECTOR;
        } else {
            throw new IllegalArgumentException("label column '" + labelColumn
                    + "' must be an integer (class), a float or double, or an array of numbers; got " + lt.simpleString());
        }
        int fi = rows.schema().fieldIndex(featuresColumn), li = rows.schema().fieldIndex(labelColumn);
        return rows.javaRDD().mapPartitionsWithIndex((p, it) -> examples(p, it, fi, li, kind), true);
    }

    private static StructField field(Dataset<Row> rows, String name) {
        for (StructField f : rows.schema().fields()) if (f.name().equals(name)) return f;
        throw new IllegalArgumentException("no column '" + name + "' in " + rows.schema().simpleString());
    }

    private static boolean integral(DataType t) {
        return t.equals(DataTypes.ByteType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.IntegerType)
                || t.equals(DataTypes.LongType);
    }

    private static boolean numeric(DataType t) {
        return integral(t) || t.equals(DataTypes.FloatType) || t.equals(DataTypes.DoubleType);
    }

    private static Iterator<Example> examples(int partition, Iterator<Row> rows, int fi, int li, LabelKind kind) {
        return new Iterator<>() {
            long n;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Example next() {
                Row r = rows.next();
                long row = n++;
                float[] x = floats(r, fi, partition, row, "features");
                if (r.isNullAt(li)) throw new BadRowException(partition, row, "the label is null");
                return switch (kind) {
                    case CLASS -> Example.classification(x, ((Number) r.get(li)).longValue());
                    case SCALAR -> Example.regression(x, ((Number) r.get(li)).floatValue());
                    case VECTOR -> Example.regression(x, floats(r, li, partition, row, "label"));
                };
            }
        };
    }

    private static float[] floats(Row r, int i, int partition, long row, String what) {
        if (r.isNullAt(i)) throw new BadRowException(partition, row, "the " + what + " array is null");
        List<Object> values = new ArrayList<>(r.getList(i));
        float[] out = new float[values.size()];
        for (int j = 0; j < out.length; j++) {
            Object v = values.get(j);
            if (v == null) throw new BadRowException(partition, row, what + " element " + j + " is null");
            out[j] = ((Number) v).floatValue();
        }
        return out;
    }
}

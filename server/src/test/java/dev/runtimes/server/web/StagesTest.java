package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagesTest {
    @Test
    void noTwoStagesShareAPlace() throws IllegalAccessException {
        List<Field> stages = Arrays.stream(Stages.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == int.class)
                .toList();
        List<Integer> places = new ArrayList<>();
        for (Field stage : stages) {
            places.add(stage.getInt(null));
        }
        assertThat(stages).hasSizeGreaterThan(10);
        assertThat(places).doesNotHaveDuplicates();
    }
}

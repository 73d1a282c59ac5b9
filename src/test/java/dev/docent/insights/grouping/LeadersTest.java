package dev.docent.insights.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeadersTest {

    static float[] unit(double angleDegrees) {
        double radians = Math.toRadians(angleDegrees);
        return new float[] { (float) Math.cos(radians), (float) Math.sin(radians) };
    }

    @Test
    void aQuestionCloseEnoughJoinsItsLeaderAndAFarOneFindsNone() {
        Leaders leaders = new Leaders(0.9);
        leaders.add(1, unit(0));
        assertThat(leaders.nearest(unit(20))).hasValue(1); // cos 20° = 0.94
        assertThat(leaders.nearest(unit(30))).isEmpty(); // cos 30° = 0.87
    }

    @Test
    void theMostSimilarLeaderWinsAndTheEarlierOnATie() {
        Leaders leaders = new Leaders(0.5);
        leaders.add(1, unit(0));
        leaders.add(2, unit(40));
        leaders.add(3, unit(40));
        assertThat(leaders.nearest(unit(30))).hasValue(2);
        assertThat(leaders.nearest(unit(5))).hasValue(1);
    }

    @Test
    void theThresholdItselfCounts() {
        Leaders leaders = new Leaders(1.0);
        leaders.add(7, unit(10));
        assertThat(leaders.nearest(unit(10))).hasValue(7);
    }

    @Test
    void cosineIgnoresLengthAndIsZeroForZeroOrMismatchedVectors() {
        assertThat(Leaders.cosine(new float[] { 2, 0 }, new float[] { 5, 0 })).isEqualTo(1.0);
        assertThat(Leaders.cosine(new float[] { 0, 0 }, new float[] { 1, 0 })).isZero();
        assertThat(Leaders.cosine(new float[] { 1 }, new float[] { 1, 0 })).isZero();
    }

    @Test
    void anAddedVectorIsCopied() {
        Leaders leaders = new Leaders(0.99);
        float[] vector = unit(0);
        leaders.add(1, vector);
        vector[0] = 0;
        vector[1] = 1;
        assertThat(leaders.nearest(unit(0))).hasValue(1);
        assertThat(leaders.size()).isEqualTo(1);
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new Leaders(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Leaders(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vectorsSurviveTheirStoredForm() {
        float[] vector = { 0.25f, -1.5f, 3e-7f };
        assertThat(Vectors.fromBytes(Vectors.toBytes(vector))).containsExactly(vector);
    }

}

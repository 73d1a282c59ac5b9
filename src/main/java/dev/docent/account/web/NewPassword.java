package dev.docent.account.web;

import dev.docent.shared.Text;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The password of a new account: bcrypt reads 72 bytes, so no more. */
@NotBlank
@Size(min = 10, max = 72, message = "must be 10 to 72 characters")
@Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = Text.CONTROL_CHARACTERS_MESSAGE)
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface NewPassword {

    String message() default "is not a valid password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

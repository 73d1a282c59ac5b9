package dev.docent.account.web;

import dev.docent.account.AccountService;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The username of a new account, whoever creates it. */
@NotBlank
@Size(min = 3, max = 32)
@Pattern(regexp = AccountService.USERNAME_CHARACTERS, message = "may contain only letters, digits, '_', '.' and '-'")
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface Username {

    String message() default "is not a valid username";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

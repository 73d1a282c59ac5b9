package dev.docent.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.docent.account.AccountService;
import dev.docent.account.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts an ADMIN creates: the way in when sign-up is turned off. */
@Tag(name = "Accounts", description = "Accounts an ADMIN creates")
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = "application/json")
class AccountController {

    /** The sign-up form's rules, and a role (USER when absent). */
    record CreateAccountRequest(@Username String username, @NewPassword String password,
            @Email @Size(max = 254) String email, Role role) {
    }

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "createAccount", summary = "Create an account (ADMIN)")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @ApiResponse(responseCode = "409", description = "The username is taken")
    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    AccountService.Me create(@Valid @RequestBody CreateAccountRequest request) {
        return accounts.createAccount(request.username(), request.password(), request.email(),
                request.role() == null ? Role.USER : request.role());
    }

}

package dev.gradstep.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Student derivations in varied notation. A wrong one marks its first wrong line with a comment
 * {@code % wrong: <fragment of the expected hint>} (the reader ignores comments); a correct one has none.
 */
final class StudentCases {

    private StudentCases() {
    }

    record Case(String name, String tex) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> correct() {
        List<Case> t = new ArrayList<>();
        t.add(new Case("flagship quotient and chain rule, z s y", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                s_i &= \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} \\\\
                \\frac{\\partial s_i}{\\partial z_j} &= \\frac{\\delta_{ij} e^{z_i} \\sum_k e^{z_k} - e^{z_i} e^{z_j}}{\\left(\\sum_k e^{z_k}\\right)^2} \\\\
                &= s_i(\\delta_{ij} - s_j)
                \\end{align*}
                \\begin{align}
                \\frac{\\partial s_i}{\\partial z_j} &= s_i(1 - s_i) \\quad (i = j) \\\\
                \\frac{\\partial s_i}{\\partial z_j} &= -s_i s_j \\quad (i \\neq j) \\label{eq:off}
                \\end{align}
                \\begin{align}
                L &= -\\sum_{i=1}^{K} y_i \\log s_i \\\\
                \\frac{\\partial L}{\\partial s_i} &= -\\frac{y_i}{s_i} \\nonumber \\\\
                \\frac{\\partial L}{\\partial z_j} &= \\sum_{i=1}^{K} \\frac{\\partial L}{\\partial s_i} \\frac{\\partial s_i}{\\partial z_j} \\\\
                &= -\\frac{y_j}{s_j} s_j (1 - s_j) + \\sum_{i \\neq j} \\left(-\\frac{y_i}{s_i}\\right)\\left(-s_i s_j\\right) \\\\
                &= -y_j (1 - s_j) + \\sum_{i \\neq j} y_i s_j \\\\
                &= -y_j + s_j y_j + s_j \\sum_{i \\neq j} y_i \\\\
                &= s_j \\sum_{i=1}^{K} y_i - y_j = s_j - y_j
                \\end{align}
                """));
        t.add(new Case("hat y, x logits, \\exp and \\exp^{..}, bold", """
                % notation: logits=\\mathbf{x} probs=\\hat{y} labels=\\mathbf{y} loss=\\mathcal{L} classes=C
                $$ \\hat{y}_i = \\frac{\\exp(x_i)}{\\sum_{c=1}^{C} \\exp(x_c)} = \\frac{\\exp^{x_i}}{\\sum_{c} \\exp x_c} $$
                $$ \\mathcal{L} = -\\sum_{i=1}^{C} \\mathbf{y}_i \\ln \\hat{y}_i $$
                \\[ \\frac{\\partial \\mathcal{L}}{\\partial \\hat{y}_i} = -\\frac{\\mathbf{y}_i}{\\hat{y}_i} \\]
                \\[ \\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{x}_j} = \\hat{y}_j - \\mathbf{y}_j \\]
                """));
        t.add(new Case("sigma as a function of x_j", """
                % notation: logits=x probs=\\sigma labels=y loss=L classes=K
                \\begin{equation}
                \\sigma(x_j) = \\frac{e^{x_j}}{\\sum_{k=1}^{K} e^{x_k}}
                \\end{equation}
                \\begin{equation*}
                \\frac{\\partial L}{\\partial x_j} = \\sigma(x_j) - y_j
                \\end{equation*}
                """));
        t.add(new Case("s(x)_i with the sum that skips i", """
                % notation: logits=x probs=s(\\mathbf{x}) labels=t loss=E classes=K
                \\begin{align*}
                s(\\mathbf{x})_i &= \\frac{e^{x_i}}{\\sum_{k=1}^{K} e^{x_k}} \\\\
                \\frac{\\partial E}{\\partial x_i} &= -t_i (1 - s(\\mathbf{x})_i) + \\sum_{k=1, k \\neq i}^{K} t_k s(\\mathbf{x})_i \\\\
                &= s(\\mathbf{x})_i - t_i
                \\end{align*}
                """));
        t.add(new Case("S(z)_i and the softmax operator", """
                % notation: logits=z probs=S(\\mathbf{z}) labels=y loss=L classes=K
                \\begin{gather}
                S(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}} = \\operatorname{softmax}(\\mathbf{z})_i \\\\
                \\frac{\\partial L}{\\partial z_i} = S(\\mathbf{z})_i - y_i
                \\end{gather}
                """));
        t.add(new Case("conditions in words and \\text{for}", """
                % notation: logits=\\theta probs=p labels=y loss=J classes=K
                \\begin{align*}
                \\frac{\\partial p_i}{\\partial \\theta_j} &= p_i (1 - p_j) \\quad \\text{if } i = j \\\\
                \\frac{\\partial p_i}{\\partial \\theta_j} &= -p_i p_j \\quad \\text{for } i \\ne j \\\\
                \\frac{\\partial J}{\\partial \\theta_j} &= p_j - y_j
                \\end{align*}
                """));
        t.add(new Case("one-hot shortcut at the true class c", """
                % notation: logits=z probs=s labels=y loss=L classes=K onehot=c
                \\begin{align*}
                L &= -\\log s_c \\\\
                \\frac{\\partial L}{\\partial z_i} &= -\\frac{1}{s_c} \\frac{\\partial s_c}{\\partial z_i} \\\\
                &= s_i - \\delta_{ic} \\\\
                \\frac{\\partial L}{\\partial z_i} &= s_i \\quad (i \\neq c) \\\\
                \\frac{\\partial L}{\\partial z_i} &= s_c - 1 \\quad (i = c)
                \\end{align*}
                """));
        t.add(new Case("log-softmax route", """
                % notation: logits=o probs=q labels=y loss=L classes=K
                \\begin{align*}
                \\log q_i &= o_i - \\log \\sum_{k=1}^{K} e^{o_k} \\\\
                L &= -\\sum_i y_i o_i + \\left(\\sum_i y_i\\right) \\log \\sum_k e^{o_k} \\\\
                \\frac{\\partial L}{\\partial o_j} &= -y_j + \\left(\\sum_i y_i\\right) \\frac{e^{o_j}}{\\sum_k e^{o_k}} \\\\
                &= q_j - y_j
                \\end{align*}
                """));
        t.add(new Case("batch mean with s(X_n)_k", """
                % notation: logits=X probs=s(X_n) labels=Y loss=L classes=K batch=N
                \\begin{align*}
                L &= -\\frac{1}{N} \\sum_{n=1}^{N} \\sum_{k=1}^{K} Y_{n,k} \\log s(X_n)_k \\\\
                \\frac{\\partial L}{\\partial X_{n,i}} &= \\frac{1}{N} \\left( s(X_n)_i - Y_{n,i} \\right)
                \\end{align*}
                """));
        t.add(new Case("soft labels that need not sum to one", """
                % notation: logits=z probs=s labels=y loss=L classes=K labelsum=any
                \\[
                \\frac{\\partial L}{\\partial z_j} = s_j \\sum_{i=1}^{K} y_i - y_j
                \\]
                """));
        t.add(new Case("linear layer defines the logits", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                z_i &= \\sum_{j} h_j w_{ji} + b_i \\\\
                \\frac{\\partial L}{\\partial b_i} &= s_i - y_i \\\\
                \\frac{\\partial L}{\\partial w_{ji}} &= h_j (s_i - y_i)
                \\end{align*}
                """));
        t.add(new Case("guessed notation: p, t, theta, no comment", """
                \\documentclass{article}
                \\begin{document}
                Some words with inline math $p_i$ that are ignored.
                \\begin{align}
                p_i &= \\frac{e^{\\theta_i}}{\\sum_{k=1}^{K} e^{\\theta_k}} \\\\
                \\ell &= -\\sum_{i=1}^{K} t_i \\log p_i \\\\
                \\frac{\\partial \\ell}{\\partial \\theta_j} &= p_j - t_j
                \\end{align}
                \\end{document}
                """));
        t.add(new Case("aligned inside equation, long line broken over rows", """
                % notation: logits=z probs=\\hat{y} labels=y loss=L classes=K
                \\begin{equation}
                \\begin{aligned}
                \\frac{\\partial L}{\\partial z_j} &= -y_j (1 - \\hat{y}_j) \\\\
                  &\\qquad + \\sum_{i \\neq j} y_i \\hat{y}_j \\\\
                  &= \\hat{y}_j - y_j
                \\end{aligned}
                \\end{equation}
                """));
        t.add(new Case("definition of a helper symbol", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                Z &= \\sum_{k=1}^{K} e^{z_k} \\\\
                s_i &= \\frac{e^{z_i}}{Z} \\\\
                \\frac{\\partial s_i}{\\partial z_j} &= s_i (\\delta_{ij} - s_j)
                \\end{align*}
                """));
        t.add(new Case("operator forms, products and decorations", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= \\frac{\\partial}{\\partial z_j}\\left( -\\sum_{i=1}^{K} y_i \\log s_i \\right) \\\\
                &= \\sum_{i} \\underbrace{\\left(-\\frac{y_i}{s_i}\\right)}_{\\partial L / \\partial s_i} \\cdot \\frac{\\partial s_i}{\\partial z_j} \\\\
                &= -y_j \\times (1 - s_j) + \\sum_{i \\neq j} y_i \\, s_j \\\\
                \\partial L / \\partial z_j &= s_j - y_j
                \\end{align*}
                """));
        t.add(new Case("derivatives with respect to sigma(x_i) and s(x)_i", """
                % notation: logits=x probs=\\sigma labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial L}{\\partial \\sigma(x_i)} &= -\\frac{y_i}{\\sigma(x_i)} \\\\
                \\frac{\\partial L}{\\partial x_j} &= \\sum_{i=1}^{K} \\frac{\\partial L}{\\partial \\sigma(x_i)} \\frac{\\partial \\sigma(x_i)}{\\partial x_j} \\\\
                &= \\sigma(x_j) - y_j
                \\end{align*}
                """));
        return t;
    }

    static List<Case> wrong() {
        List<Case> t = new ArrayList<>();
        t.add(new Case("only the diagonal of the Jacobian in the chain rule", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                L &= -\\sum_i y_i \\log s_i \\\\
                \\frac{\\partial L}{\\partial z_j} &= \\frac{\\partial L}{\\partial s_j} \\frac{\\partial s_j}{\\partial z_j} % wrong: only the path
                \\end{align*}
                """));
        t.add(new Case("softmax treated as an elementwise sigmoid", """
                % notation: logits=z probs=\\hat{y} labels=y loss=L classes=K
                \\[ \\frac{\\partial \\hat{y}_i}{\\partial z_j} = \\hat{y}_i (1 - \\hat{y}_i) \\] % wrong: only when i = j
                """));
        t.add(new Case("dropped the off-diagonal terms after the sum", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= -\\frac{y_j}{s_j} s_j (1 - s_j) + \\sum_{i \\neq j} \\left(-\\frac{y_i}{s_i}\\right)\\left(-s_i s_j\\right) \\\\
                &= -y_j (1 - s_j) % wrong: missing
                \\end{align*}
                """));
        t.add(new Case("s(s - 1) for s(1 - s)", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial s_i}{\\partial z_j} &= s_i (\\delta_{ij} - s_j) \\\\
                \\frac{\\partial s_i}{\\partial z_j} &= s_i (s_i - 1) \\quad (i = j) % wrong: sign
                \\end{align*}
                """));
        t.add(new Case("lost the minus of the loss", """
                % notation: logits=z probs=p labels=y loss=L classes=K
                $$ L = \\sum_{i=1}^{K} y_i \\log p_i $$ % wrong: sign
                """));
        t.add(new Case("sign flip when substituting -s_i s_j", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= \\sum_{i=1}^{K} \\frac{\\partial L}{\\partial s_i} \\frac{\\partial s_i}{\\partial z_j} \\\\
                &= -y_j (1 - s_j) - \\sum_{i \\neq j} y_i s_j % wrong: has the wrong sign
                \\end{align*}
                """));
        t.add(new Case("swapped indices in the chain-rule sum", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_i} &= -y_i (1 - s_i) + \\sum_{k \\neq i} y_k s_i \\\\
                &= -y_i (1 - s_i) + \\sum_{k \\neq i} s_k y_k % wrong: should be
                \\end{align*}
                """));
        t.add(new Case("wrong index in the softmax denominator", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\[ s_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_i}} \\] % wrong: should be
                """));
        t.add(new Case("batch size as the class bound", """
                % notation: logits=X probs=s(X_n) labels=Y loss=L classes=K batch=N
                \\begin{align*}
                L &= -\\frac{1}{N} \\sum_{n=1}^{N} \\sum_{k=1}^{N} Y_{n,k} \\log s(X_n)_k % wrong: batch size
                \\end{align*}
                """));
        t.add(new Case("kept a sum in dL/ds_i", """
                % notation: logits=z probs=\\hat{y} labels=y loss=L classes=K
                \\begin{align*}
                L &= -\\sum_{i=1}^{K} y_i \\log \\hat{y}_i \\\\
                \\frac{\\partial L}{\\partial \\hat{y}_i} &= -\\sum_{i} \\frac{y_i}{\\hat{y}_i} % wrong: remove the sum
                \\end{align*}
                """));
        t.add(new Case("s - y with soft labels", """
                % notation: logits=z probs=s labels=y loss=L classes=K labelsum=any
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= s_j \\sum_{i} y_i - y_j \\\\
                &= s_j - y_j % wrong: labels sum to one
                \\end{align*}
                """));
        t.add(new Case("forgot the 1/N of the batch mean", """
                % notation: logits=X probs=s(X_n) labels=Y loss=L classes=K batch=N
                \\begin{align*}
                L &= -\\frac{1}{N} \\sum_{n=1}^{N} \\sum_{k=1}^{K} Y_{n,k} \\log s(X_n)_k \\\\
                \\frac{\\partial L}{\\partial X_{n,i}} &= s(X_n)_i - Y_{n,i} % wrong: 1/N
                \\end{align*}
                """));
        t.add(new Case("an extra factor of 2", """
                % notation: logits=z probs=\\sigma labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= \\sigma(z_j) - y_j \\\\
                &= 2 \\left(\\sigma(z_j) - y_j\\right) % wrong: factor of 2
                \\end{align*}
                """));
        t.add(new Case("one-hot: forgot the 1 at the true class", """
                % notation: logits=z probs=s labels=y loss=L classes=K onehot=c
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_i} &= s_i - \\delta_{ic} \\\\
                \\frac{\\partial L}{\\partial z_i} &= s_c \\quad (i = c) % wrong
                \\end{align*}
                """));
        t.add(new Case("kept a sum in dL/ds(x)_i, probabilities as a function", """
                % notation: logits=x probs=s(\\mathbf{x}) labels=y loss=L classes=K
                \\[ \\frac{\\partial L}{\\partial s(\\mathbf{x})_i} = -\\sum_{k} \\frac{y_k}{s(\\mathbf{x})_k} \\] % wrong: write i for k
                """));
        t.add(new Case("quotient rule with u'v and uv' swapped", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial s_i}{\\partial z_j} &= \\frac{e^{z_i} e^{z_j} - \\delta_{ij} e^{z_i} \\sum_k e^{z_k}}{\\left(\\sum_k e^{z_k}\\right)^2} % wrong: sign
                \\end{align*}
                """));
        t.add(new Case("log-softmax without the log of the sum", """
                % notation: logits=o probs=q labels=y loss=L classes=K
                \\begin{align*}
                L &= -\\sum_i y_i \\log q_i \\\\
                \\log q_i &= o_i - \\sum_{k=1}^{K} o_k % wrong
                \\end{align*}
                """));
        t.add(new Case("linear layer with the wrong input index", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                z_i &= \\sum_{j} h_j w_{ji} + b_i \\\\
                \\frac{\\partial L}{\\partial b_i} &= s_i - y_i \\\\
                \\frac{\\partial L}{\\partial w_{ji}} &= h_i (s_i - y_i) % wrong
                \\end{align*}
                """));
        t.add(new Case("mathcal L and theta, gradient upside down", """
                % notation: logits=\\theta probs=p labels=y loss=\\mathcal{L} classes=K
                \\[ \\frac{\\partial \\mathcal{L}}{\\partial \\theta_j} = y_j - p_j \\] % wrong: sign
                """));
        t.add(new Case("a wrong line after correct ones in a guessed notation", """
                \\begin{align}
                q_i &= \\frac{e^{a_i}}{\\sum_{k=1}^{K} e^{a_k}} \\\\
                L &= -\\sum_{i=1}^{K} y_i \\log q_i \\\\
                \\frac{\\partial L}{\\partial a_j} &= q_j - y_j \\\\
                &= y_j - q_j % wrong: sign
                \\end{align}
                """));
        return t;
    }
}
